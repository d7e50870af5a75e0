import { useState } from "react";
import type { Allocated, PaymentRun as Run } from "../../../src/modules/ledger/replies";
import { api, post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatPence } from "../format";

const PAID_AS = { provider: "Provider", "direct-payment": "Direct payment" } as const;

/** Finance: pay the month into funds, then draft, check, approve (a second officer) and pay a run. */
export function PaymentRuns() {
  const [period, setPeriod] = useState(new Date().toISOString().slice(0, 7));
  const [run, setRun] = useState<Run | null>(null);
  const [allocated, setAllocated] = useState<string>();
  const allocate = useSubmit(
    () => post<Allocated>("/api/ledger/allocations", { period }),
    (r) =>
      setAllocated(`${r.recorded} funds paid for ${period}; ${r.alreadyRecorded} already were.`),
  );
  const draft = useSubmit(() => post<Run>("/api/payment-runs", { period }), setRun);
  const [runId, setRunId] = useState("");
  const open = useSubmit(() => api<Run>("GET", `/api/payment-runs/${runId}`), setRun);
  return (
    <section aria-labelledby="money">
      <h2 id="money">Payments</h2>
      <TextInput
        id="money-period"
        label="Month"
        hint="Like 2026-12"
        value={period}
        onChange={setPeriod}
      />
      <div className="cairn-inline-forms">
        <form onSubmit={allocate.submit} noValidate>
          <ErrorSummary errors={allocate.errors} detail={allocate.detail} />
          <Button secondary disabled={allocate.pending}>
            Pay the month's budgets into funds
          </Button>
        </form>
        <form onSubmit={draft.submit} noValidate>
          <ErrorSummary errors={draft.errors} detail={draft.detail} />
          <Button disabled={draft.pending}>Draft a payment run</Button>
        </form>
      </div>
      {allocated && <p role="status">{allocated}</p>}
      <form onSubmit={open.submit} noValidate>
        <TextInput
          id="run-id"
          label="Open a run by its reference"
          value={runId}
          onChange={setRunId}
        />
        <Button secondary disabled={open.pending}>
          Open the run
        </Button>
      </form>
      {run && <RunView run={run} onChange={setRun} />}
    </section>
  );
}

function RunView({ run, onChange }: { run: Run; onChange: (run: Run) => void }) {
  const approve = useSubmit(() => post<Run>(`/api/payment-runs/${run.id}/approval`, {}), onChange);
  const pay = useSubmit(
    () =>
      post(`/api/payment-runs/${run.id}/payment`, {}).then(() =>
        api<Run>("GET", `/api/payment-runs/${run.id}`),
      ),
    onChange,
  );
  return (
    <article className="cairn-card" aria-labelledby="run">
      <h3 id="run">
        Payment run for {run.period}: {run.status}
      </h3>
      <p>
        Reference <code>{run.id}</code>. To pay: {formatPence(run.totalPence)}.
      </p>
      <table className="ds_table">
        <caption>Who is paid</caption>
        <thead>
          <tr>
            <th scope="col">Payee</th>
            <th scope="col">Paid as</th>
            <th scope="col">Amount</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {run.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.payeeName}
                {l.oneOffDescription && <>: once only, {l.oneOffDescription}</>}
              </td>
              <td>{PAID_AS[l.payeeKind]}</td>
              <td>{formatPence(l.pence)}</td>
              <td>
                {l.heldReason ? `Held: ${l.heldReason}` : l.transactionId ? "Paid" : "To pay"}
                {run.status === "draft" && !l.heldReason && (
                  <Hold lineId={l.id} onChange={onChange} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary
        errors={[...approve.errors, ...pay.errors]}
        detail={approve.detail ?? pay.detail}
      />
      {run.status === "draft" && (
        <form onSubmit={approve.submit} noValidate>
          <Button disabled={approve.pending}>Approve the run (a second finance officer)</Button>
        </form>
      )}
      {run.status === "approved" && (
        <>
          <p>
            <a href={`/api/payment-runs/${run.id}/payments.csv`}>Payment file (CSV)</a>
            {" | "}
            <a href={`/api/payment-runs/${run.id}/payments.txt`}>Payment file (Standard 18)</a>
          </p>
          <form onSubmit={pay.submit} noValidate>
            <Button disabled={pay.pending}>Record the run as paid</Button>
          </form>
        </>
      )}
    </article>
  );
}

function Hold({ lineId, onChange }: { lineId: string; onChange: (run: Run) => void }) {
  const [reason, setReason] = useState("");
  const hold = useSubmit(
    () => post<Run>(`/api/payment-run-lines/${lineId}/hold`, { reason }),
    onChange,
  );
  return (
    <form onSubmit={hold.submit} noValidate>
      <TextInput
        id={`hold-${lineId}`}
        label="Reason to hold"
        value={reason}
        onChange={setReason}
        error={hold.errorFor("reason")}
      />
      <Button secondary disabled={hold.pending}>
        Hold
      </Button>
    </form>
  );
}
