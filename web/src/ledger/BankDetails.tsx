import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  BankDetailsApproved,
  BankDetailsProposed,
  Payee,
  Payees,
} from "../../../src/modules/ledger/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { Loading, PageHeader, SummaryList } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";
import { Link } from "../router";

/**
 * Finance: where each payee is paid. One officer proposes new bank details; a different officer
 * approves them before any payment run uses them. Numbers are shown masked.
 */
export function BankDetailsPage() {
  const payees = useQuery({ queryKey: ["payees"], queryFn: () => get<Payees>("/api/payees") });
  return (
    <>
      <PageHeader title="Bank details of payees" />
      <p>
        New bank details are used in a payment run only after a second finance officer approves
        them. Until then the payee is paid into the details already approved, or held.
      </p>
      <p>
        <Link href="/">Back to your home page</Link>
      </p>
      {payees.isPending ? (
        <Loading />
      ) : (
        (payees.data?.payees ?? []).map((p) => <PayeeCard key={p.payee} payee={p} />)
      )}
    </>
  );
}

const shown = (b: { sortCode: string; accountNumber: string } | null) =>
  b ? `Sort code ${b.sortCode}, account ${b.accountNumber}` : "None approved";

function PayeeCard({ payee }: { payee: Payee }) {
  const [sortCode, setSortCode] = useState("");
  const [accountNumber, setAccountNumber] = useState("");
  const [said, setSaid] = useState<string>();
  const url =
    payee.payeeKind === "provider"
      ? `/api/providers/${payee.providerId}/bank-details`
      : `/api/contracts/${payee.contractId}/bank-details`;
  const propose = useSubmit(
    () => post<BankDetailsProposed>(url, { sortCode, accountNumber }),
    () => {
      setSortCode("");
      setAccountNumber("");
      setSaid("Proposed. A second finance officer must approve them before they are used.");
    },
  );
  const approve = useSubmit(
    () => post<BankDetailsApproved>(`/api/bank-details/${payee.pending?.versionId}/approval`, {}),
    () => setSaid("Approved. Payment runs pay into these details from now on."),
  );
  const id = payee.payee.replace(/[^a-z0-9]/gi, "-");
  return (
    <article className="cairn-card" aria-labelledby={`payee-${id}`}>
      <h2 id={`payee-${id}`} className="ds_h3">
        {payee.name}
      </h2>
      <SummaryList
        rows={[
          ["In use", shown(payee.inUse)],
          [
            "Waiting for approval",
            payee.pending
              ? `${shown(payee.pending)}, proposed by ${payee.pending.proposedBy} on ${formatDate(payee.pending.proposedAt)}`
              : "Nothing",
          ],
        ]}
      />
      {said && <p role="status">{said}</p>}
      {payee.pending &&
        (payee.pending.mine ? (
          <p>You proposed this change, so a different finance officer must approve it.</p>
        ) : (
          <form onSubmit={approve.submit} noValidate>
            <ErrorSummary errors={approve.errors} detail={approve.detail} />
            <Button disabled={approve.pending}>Approve the new bank details</Button>
          </form>
        ))}
      <form onSubmit={propose.submit} noValidate>
        <ErrorSummary errors={propose.errors} detail={propose.detail} />
        <h3 className="ds_h4">Propose new bank details</h3>
        <TextInput
          id={`sort-${id}`}
          label="Sort code"
          hint="Six digits, like 80-22-60"
          value={sortCode}
          onChange={setSortCode}
          inputMode="numeric"
          error={propose.errorFor("sortCode")}
        />
        <TextInput
          id={`account-${id}`}
          label="Account number"
          hint="Eight digits"
          value={accountNumber}
          onChange={setAccountNumber}
          inputMode="numeric"
          error={propose.errorFor("accountNumber")}
        />
        <Button secondary disabled={propose.pending}>
          Propose
        </Button>
      </form>
    </article>
  );
}
