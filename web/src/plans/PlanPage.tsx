import { useState } from "react";
import type { SessionUser } from "../../../src/modules/identity/replies";
import type { SupportLine, SupportPlan } from "../../../src/modules/plans/replies";
import { post } from "../api";
import { Button, Checkbox, ErrorSummary, Select, Textarea } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence } from "../format";
import { fullName, usePerson, useProviders } from "../people/queries";
import { Link } from "../router";
import { AddSupport } from "./AddSupport";
import { Pools, SharePool } from "./Pools";
import { KIND_WORDS, OPTION_WORDS, PRINCIPLE_WORDS, usePlanReply } from "./plan";
import { Shortlist } from "./Shortlist";

/** The support plan: what each support is for, what it costs, and where it stands. */
export function PlanPage({ personId, user }: { personId: string; user: SessionUser }) {
  const person = usePerson(personId);
  const plan = usePlanReply(personId);
  if (person.isPending || plan.isPending) return <Loading />;
  if (!person.data) return <p>This person could not be loaded.</p>;
  const own = user.personId === personId;
  const p = plan.data?.plan;
  // What the signed-in user may do with this plan, as the policy says (never their role here).
  const may = plan.data?.may;
  return (
    <>
      <PageHeader title={own ? "Your support plan" : `Support plan: ${fullName(person.data)}`} />
      {p ? <Summary plan={p} own={own} /> : <p>No support plan has been written yet.</p>}
      {p?.approval.decision?.decision === "approved" && (
        <p>
          <Link href={`/people/${personId}/contracts`}>
            {own ? "Your agreements" : "The agreements"}: read and sign
          </Link>
        </p>
      )}
      {p && p.lines.length > 0 && may?.choose && (
        <p>
          <Link className="ds_button" href={`/people/${personId}/plan/choose`}>
            {own ? "Choose how each support is arranged" : "Record the choice of options"}
          </Link>
        </p>
      )}
      {p?.lines.map((line) => (
        <Line key={line.id} line={line} personId={personId} mayAsk={may?.update ?? false} />
      ))}
      <Pools personId={personId} own={own} />
      {p && p.principles.length > 0 && <Principles plan={p} />}
      {p && p.lines.length > 0 && may?.choose && <Shortlist personId={personId} lines={p.lines} />}
      {may?.update && (
        <AddSupport
          personId={personId}
          plan={p ?? null}
          outcomes={person.data.assessment?.outcomes ?? []}
        />
      )}
      {may?.createPool && <SharePool personId={personId} />}
      {may?.approve && p && !p.approval.decision && <Decision personId={personId} plan={p} />}
      {p && <History plan={p} />}
    </>
  );
}

function Summary({ plan, own }: { plan: SupportPlan; own: boolean }) {
  const c = plan.costing;
  const whose = own ? "Your" : "The";
  return (
    <div className="ds_inset-text">
      <p>
        {whose} budget is <strong>{formatPence(c.budgetPence)}</strong> a year. This plan costs{" "}
        <strong>{formatPence(c.totalPence)}</strong>
        {c.oneOffPence > 0 && ` (${formatPence(c.oneOffPence)} of it once only)`}.{" "}
        {c.leftPence >= 0 ? (
          <>
            <strong>{formatPence(c.leftPence)}</strong> is left.
          </>
        ) : (
          <>
            It is <strong>{formatPence(-c.leftPence)} over</strong> the budget.
          </>
        )}
      </p>
      {plan.option && <p>{OPTION_WORDS[plan.option]?.title}.</p>}
      <p>
        Version {plan.version}.{" "}
        {plan.approval.decision
          ? `${plan.approval.decision.decision === "approved" ? "Approved" : "Returned"} on ${formatDate(plan.approval.decision.decidedAt)}.`
          : "Not yet approved."}
      </p>
    </div>
  );
}

const STATUS_WORDS: Record<string, string> = {
  "awaiting-provider": "waiting for their answer",
  declined: "they cannot take it on",
  active: "they have taken it on",
};

function Line({
  line,
  personId,
  mayAsk,
}: {
  line: SupportLine;
  personId: string;
  /** Those who write the plan ask a provider to take on one of its supports. */
  mayAsk: boolean;
}) {
  return (
    <article className="cairn-card" aria-labelledby={`line-${line.id}`}>
      <h2 id={`line-${line.id}`} className="ds_h3">
        {line.description}
      </h2>
      {line.outcome && (
        <p>
          To help with: <q>{line.outcome}</q>
        </p>
      )}
      <p>
        {KIND_WORDS[line.kind] ?? line.kind}. {OPTION_WORDS[line.option]?.title}.{" "}
        {formatPence(line.annualPence)} {line.cost.type === "one-off" ? "once" : "a year"}.
        {line.provider &&
          ` Provider: ${line.provider.name}${line.provider.onFramework ? "" : " (not on the council's framework)"}.`}
      </p>
      {line.howItMeetsOutcome && <p>How it helps: {line.howItMeetsOutcome}</p>}
      {line.requests.length > 0 && (
        <ul>
          {line.requests.map((r) => (
            <li key={r.id}>
              {r.providerName}: {STATUS_WORDS[r.status]}
              {r.status === "active" && r.startDate
                ? `, from ${formatDate(r.startDate)}, ${r.committedHoursPerWeek} hours a week`
                : ""}
            </li>
          ))}
        </ul>
      )}
      {mayAsk && <AskProvider personId={personId} line={line} />}
    </article>
  );
}

function AskProvider({ personId, line }: { personId: string; line: SupportLine }) {
  const providers = useProviders();
  const [providerId, setProviderId] = useState(line.providerId ?? "");
  const [shareOutcomes, setShareOutcomes] = useState(false);
  const form = useSubmit(
    () =>
      post(`/api/people/${personId}/plan/requests`, {
        lineId: line.id,
        providerIds: providerId ? [providerId] : [],
        shareOutcomes,
      }),
    () => {},
  );
  const id = `ask-${line.id}`;
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary errors={form.errors.map((e) => ({ ...e, path: id }))} detail={form.detail} />
      <Select
        id={id}
        label="Ask a provider to take this on"
        value={providerId}
        onChange={setProviderId}
        options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        error={form.errors[0]?.message}
      />
      <Checkbox
        id={`${id}-share`}
        label="The person agrees the provider may see what matters to them, in their own words, before it agrees"
        checked={shareOutcomes}
        onChange={setShareOutcomes}
      />
      <Button secondary disabled={form.pending}>
        Send the request
      </Button>
    </form>
  );
}

function Principles({ plan }: { plan: SupportPlan }) {
  return (
    <section aria-labelledby="principles">
      <h2 id="principles">The four principles, against what was recorded</h2>
      <ul>
        {plan.principles.map((p) => (
          <li key={p.principle}>
            <strong>{PRINCIPLE_WORDS[p.principle] ?? p.principle}</strong>:{" "}
            {p.met ? "shown" : "not shown"}. {p.evidence}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Decision({ personId, plan }: { personId: string; plan: SupportPlan }) {
  const [note, setNote] = useState("");
  const url = `/api/people/${personId}/plan/decision`;
  const over = plan.costing.leftPence < 0;
  const approve = useSubmit(
    () => post(url, { decision: "approved", note }),
    () => {},
  );
  const giveBack = useSubmit(
    () => post(url, { decision: "returned", note }),
    () => {},
  );
  return (
    <section aria-labelledby="decision">
      <h2 id="decision">Approve the plan</h2>
      {plan.approval.needed && <p>A team manager must approve it: {plan.approval.needed}.</p>}
      {plan.approval.waiting && <p role="status">{plan.approval.waiting}</p>}
      {over && (
        <div className="ds_inset-text" id="raises-budget">
          Approving this plan also changes the budget from{" "}
          <strong>{formatPence(plan.costing.budgetPence)}</strong> to{" "}
          <strong>{formatPence(plan.costing.totalPence)}</strong> a year: a new entry in the
          budget's history, with your name and your note as the reason. To keep the budget as it is,
          return the plan for changes instead.
        </div>
      )}
      <ErrorSummary
        errors={[...approve.errors, ...giveBack.errors]}
        detail={approve.detail ?? giveBack.detail}
      />
      <Textarea
        id="note"
        label={over ? "Note (the reason, kept with the budget)" : "Note (needed to return it)"}
        value={note}
        onChange={setNote}
        error={giveBack.errorFor("note")}
      />
      <div className="cairn-inline-forms">
        <form onSubmit={approve.submit} noValidate>
          <Button disabled={approve.pending}>
            {over ? "Approve and change the budget" : "Approve this version"}
          </Button>
        </form>
        <form onSubmit={giveBack.submit} noValidate>
          <Button secondary disabled={giveBack.pending}>
            Return it for changes
          </Button>
        </form>
      </div>
    </section>
  );
}

function History({ plan }: { plan: SupportPlan }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history">Every version, newest first</h2>
      <table className="ds_table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">When</th>
            <th scope="col">By</th>
            <th scope="col">What changed and why</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {plan.history.map((h) => (
            <tr key={h.version}>
              <td>{h.version}</td>
              <td>{formatDate(h.createdAt)}</td>
              <td>{h.createdBy}</td>
              <td>{h.changeSummary}</td>
              <td>{h.decision ?? "None yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
