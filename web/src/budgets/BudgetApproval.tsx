import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AwaitingApproval } from "../../../src/modules/budgets/replies";
import type { Budget } from "../../../src/modules/person-record/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence } from "../format";
import { Link } from "../router";

/** An amount above the worker's authority: shown to all, decided by a team manager. */
export function PendingBudget({ budget, canDecide }: { budget: Budget; canDecide: boolean }) {
  return (
    <div className="ds_inset-text">
      <p>
        Waiting for a team manager's approval: {formatPence(budget.annualAmountPence)} a year,
        proposed by {budget.setBy.displayName} on {formatDate(budget.setAt)} ({budget.reason}). Why
        it needs approval: {budget.approvalNeeded}.
      </p>
      {canDecide && <ApproveBudget budgetId={budget.id} />}
    </div>
  );
}

function ApproveBudget({ budgetId }: { budgetId: string }) {
  const [note, setNote] = useState("");
  const decide = (decision: "approved" | "rejected") => () =>
    post(`/api/budget-entries/${budgetId}/approval`, { decision, note });
  const approve = useSubmit(decide("approved"), () => {});
  const reject = useSubmit(decide("rejected"), () => {});
  const id = (name: string) => `${budgetId}-${name}`;
  return (
    <div className="cairn-inline-forms">
      <form onSubmit={approve.submit} noValidate>
        <ErrorSummary errors={[]} detail={approve.detail} />
        <Button disabled={approve.pending}>Approve the amount</Button>
      </form>
      <form onSubmit={reject.submit} noValidate>
        <ErrorSummary
          errors={reject.errors.map((e) => ({ ...e, path: id(e.path) }))}
          detail={reject.detail}
        />
        <Textarea
          id={id("note")}
          label="Why it is rejected"
          value={note}
          onChange={setNote}
          error={reject.errorFor("note")}
        />
        <Button secondary disabled={reject.pending}>
          Reject the amount
        </Button>
      </form>
    </div>
  );
}

/** The team's amounts above a worker's authority, for the manager. */
export function BudgetsAwaitingApproval() {
  const waiting = useQuery({
    queryKey: ["budgets", "awaiting-approval"],
    queryFn: () => get<AwaitingApproval>("/api/budgets/awaiting-approval").then((r) => r.budgets),
  });
  return (
    <section aria-labelledby="budgets-waiting-title">
      <h2 id="budgets-waiting-title">Budgets waiting for your approval</h2>
      {waiting.data?.length ? (
        <ul>
          {waiting.data.map((b) => (
            <li key={b.id}>
              <Link href={`/people/${b.personId}`}>
                {b.givenName} {b.familyName}
              </Link>
              : {formatPence(b.annualAmountPence)} a year, proposed by {b.setBy}. {b.approvalNeeded}
              .
            </li>
          ))}
        </ul>
      ) : (
        <p>None waiting.</p>
      )}
    </section>
  );
}
