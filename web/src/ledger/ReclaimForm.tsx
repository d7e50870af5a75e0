import { useState } from "react";
import type { FundSpend, TransactionRecorded } from "../../../src/modules/ledger/replies";
import { post } from "../api";
import { Button, ErrorSummary, Select, Textarea, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";

/**
 * Finance: reclaim unspent money from a direct payment, by a recorded decision. Only direct
 * payments are offered: an Individual Service Fund keeps its unspent money (its agreement says so).
 */
export function ReclaimForm({
  funds,
}: {
  funds: Pick<FundSpend, "fund" | "option" | "contractId">[];
}) {
  const [contractId, setContractId] = useState("");
  const [period, setPeriod] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [done, setDone] = useState(false);
  const form = useSubmit(
    () =>
      post<TransactionRecorded>(`/api/contracts/${contractId}/reclaim`, { period, amount, reason }),
    () => setDone(true),
  );
  const directPayments = funds.filter((f) => f.option === "1" && f.contractId);
  return (
    <section aria-labelledby="reclaim-title">
      <h3 id="reclaim-title">Reclaim unspent money from a direct payment</h3>
      <p>Only money above the agreed contingency, by a decision recorded with its reason.</p>
      {done && <p role="status">Reclaimed and recorded.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <Select
          id="reclaim-fund"
          label="Direct payment"
          value={contractId}
          onChange={setContractId}
          options={directPayments.map((f) => ({ value: f.contractId ?? "", label: f.fund }))}
        />
        <TextInput
          id="period"
          label="Month"
          hint="Like 2026-12"
          value={period}
          onChange={setPeriod}
          error={form.errorFor("period")}
        />
        <TextInput
          id="amount"
          label="Amount (£)"
          inputMode="decimal"
          value={amount}
          onChange={setAmount}
          error={form.errorFor("amount")}
        />
        <Textarea
          id="reason"
          label="Reason for the decision"
          value={reason}
          onChange={setReason}
          error={form.errorFor("reason")}
        />
        <Button disabled={form.pending || !contractId}>Reclaim</Button>
      </form>
    </section>
  );
}
