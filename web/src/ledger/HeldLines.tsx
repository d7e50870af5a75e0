import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { HeldLines as Held, HeldLine, LineDecided } from "../../../src/modules/ledger/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { Loading, PageHeader, SummaryList } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence } from "../format";
import { Link } from "../router";

const hours = (minutes: number) => (minutes / 60).toFixed(2).replace(/\.?0+$/, "");

/**
 * Finance: lines of returns held to be asked about (more hours than planned, more money than the
 * fund has or the contract pays in a month). Nothing is paid for them until finance agrees one.
 */
export function HeldLinesPage() {
  const held = useQuery({
    queryKey: ["held-return-lines"],
    queryFn: () => get<Held>("/api/return-lines/held"),
  });
  return (
    <>
      <PageHeader title="Return lines to ask about" />
      <p>
        These lines of providers' and people's returns were kept but not paid, because they go
        beyond the agreement. Ask the provider or the person about each one (on the line's
        conversation), then agree it, so the next payment run pays it, or reject it.
      </p>
      <p>
        <Link href="/">Back to your home page</Link>
      </p>
      {held.isPending ? (
        <Loading />
      ) : (held.data?.lines ?? []).length === 0 ? (
        <p>There is nothing to ask about.</p>
      ) : (
        (held.data?.lines ?? []).map((l) => <HeldLineCard key={l.id} line={l} />)
      )}
    </>
  );
}

function HeldLineCard({ line }: { line: HeldLine }) {
  const [note, setNote] = useState("");
  const [done, setDone] = useState<string>();
  const said = (r: LineDecided) =>
    setDone(
      r.decision === "agreed"
        ? "Agreed: the next payment run pays it."
        : "Rejected: it is not paid.",
    );
  const send = (decision: "agreed" | "rejected") => () =>
    post<LineDecided>(`/api/return-lines/${line.id}/decision`, { decision, note });
  const agree = useSubmit(send("agreed"), said);
  const reject = useSubmit(send("rejected"), said);
  const busy = agree.pending || reject.pending;
  return (
    <article className="cairn-card" aria-labelledby={`held-${line.id}`}>
      <h2 id={`held-${line.id}`} className="ds_h3">
        {line.person}, {line.period}: line {line.lineNumber}
      </h2>
      <SummaryList
        rows={[
          ["From", line.provider ?? "The person (direct payment)"],
          ["What", line.description],
          ...(line.kind === "support"
            ? [["Hours delivered", hours(line.deliveredMinutes)] as [string, string]]
            : []),
          ["Amount", formatPence(line.pence)],
          ["Why it is held", line.heldReason],
          ["Sent", formatDate(line.submittedAt)],
        ]}
      />
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <>
          <ErrorSummary
            errors={[...agree.errors, ...reject.errors]}
            detail={agree.detail ?? reject.detail}
          />
          <TextInput
            id={`note-${line.id}`}
            label="Note (optional)"
            hint="What you found out, for the record"
            value={note}
            onChange={setNote}
          />
          <div className="cairn-inline-forms">
            <form onSubmit={agree.submit} noValidate>
              <Button disabled={busy}>Agree and pay it</Button>
            </form>
            <form onSubmit={reject.submit} noValidate>
              <Button secondary disabled={busy}>
                Reject it
              </Button>
            </form>
          </div>
        </>
      )}
    </article>
  );
}
