import type { PersonRecord } from "../../../src/modules/person-record/replies";
import { AssessmentSummary } from "../assessment/AssessmentSummary";
import { SignOff } from "../assessment/SignOff";
import { SignOffStatus, useSignOff } from "../assessment/SignOffStatus";
import { PendingBudget } from "../budgets/BudgetApproval";
import { Streams } from "../budgets/Streams";
import { WhyThisAmount } from "../budgets/WhyThisAmount";
import { Loading, PageHeader, SummaryList, Tag } from "../components/layout";
import { formatDate, formatPence, OPTION_LABELS, STAGE_LABELS } from "../format";
import { NewPasswordLinks } from "../identity/NewPasswordLinks";
import { Link } from "../router";
import { PersonView } from "./PersonView";
import { fullName, usePerson } from "./queries";
import { Signposts } from "./Signposts";

// The signed-in user's role says only whose page this is (their own, or one they act on);
// what they may do on the record comes with it (`may`), from the policy.
export function PersonPage({ personId, user }: { personId: string; user: { role: string } }) {
  const person = usePerson(personId);
  if (person.isPending) return <Loading />;
  if (person.isError) return <p role="alert">{person.error.message}</p>;
  const record = person.data;
  if (user.role === "supported-person" || user.role === "representative") {
    return (
      <>
        <PageHeader title={user.role === "supported-person" ? "Your support" : fullName(record)} />
        <PersonView person={record} forSomeoneElse={user.role === "representative"} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={fullName(record)} label={STAGE_LABELS[record.stage]} />
      <SummaryList
        rows={[
          ["Date of birth", formatDate(record.dateOfBirth)],
          ["Locality", record.locality.name],
          ["Social worker", record.allocatedWorker?.displayName ?? "Not allocated"],
          ["Stage", <Tag key="stage">{STAGE_LABELS[record.stage]}</Tag>],
        ]}
      />
      <Journey record={record} />
    </>
  );
}

function Step({ title, children }: { title: string; children: React.ReactNode }) {
  const id = `step-${title.toLowerCase().replaceAll(" ", "-")}`;
  return (
    <section aria-labelledby={id} className="cairn-card">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Journey({ record }: { record: PersonRecord }) {
  const caseHolder = record.may.record;
  const base = `/people/${record.id}`;
  const next = (href: string, text: string) =>
    caseHolder ? (
      <p>
        <Link className="ds_button" href={`${base}/${href}`}>
          {text}
        </Link>
      </p>
    ) : null;
  const { assessment, eligibility, budget, plan } = record;
  // The council's setting decides whether a submitted assessment can be decided on yet.
  const signOff = useSignOff(caseHolder ? assessment?.id : undefined);
  const decidable =
    assessment?.status === "approved" ||
    assessment?.status === "completed" ||
    (assessment?.status === "submitted" && (signOff.data?.needed.length ?? 4) < 4);
  return (
    <>
      <Step title="Referral">
        {record.referrals.map((r) => (
          <p key={r.id}>
            {formatDate(r.recordedAt)}, from {r.source.replaceAll("-", " ")} ({r.urgency}):{" "}
            {r.reason}
          </p>
        ))}
      </Step>
      <Step title="Assessment">
        {assessment ? (
          <AssessmentSummary assessment={assessment} />
        ) : (
          next("assessment", "Record the assessment")
        )}
        {(assessment?.status === "draft" || assessment?.status === "returned") &&
          next("assessment", "Continue the assessment")}
        {assessment?.status === "submitted" && caseHolder && (
          <SignOffStatus assessmentId={assessment.id} canWithdraw={caseHolder} />
        )}
        {assessment?.status === "submitted" && record.may.signOff && (
          <SignOff assessmentId={assessment.id} />
        )}
      </Step>
      <Step title="Carers">
        {record.carerAssessments.length === 0 && <p>No carer's assessment recorded.</p>}
        <ul>
          {record.carerAssessments.map((c) => (
            <li key={c.id}>
              {c.carerName} ({c.relationship}):{" "}
              {c.kind === "young-carer-statement"
                ? "young carer statement"
                : "adult carer support plan"}
              , {formatDate(c.recordedAt)}. What matters:{" "}
              {c.outcomes.map((o) => `“${o}”`).join(", ")}
            </li>
          ))}
        </ul>
        {next("carer", "Record a carer's own assessment")}
      </Step>
      <Step title="Eligibility">
        {eligibility ? (
          <p>
            {eligibility.eligible ? "Eligible" : "Not eligible"}: {eligibility.riskLevel} risk.{" "}
            {eligibility.reasons} ({eligibility.decidedBy.displayName},{" "}
            {formatDate(eligibility.decidedAt)})
          </p>
        ) : null}
        {eligibility && (
          <p>
            <a href={`/api/people/${record.id}/eligibility-decision.pdf`}>Decision letter (PDF)</a>
          </p>
        )}
        {eligibility && !eligibility.eligible && <Signposts personId={record.id} />}
        {eligibility ? null : decidable ? (
          next("eligibility", "Record the eligibility decision")
        ) : (
          <p>
            {assessment?.status === "submitted"
              ? "After the assessment is signed off."
              : "After the assessment is submitted, and signed off if the council's setting asks."}
          </p>
        )}
        {!eligibility && assessment?.status === "submitted" && decidable && (
          <p>{signOff.data?.setting}</p>
        )}
      </Step>
      <Step title="Budget">
        {budget ? (
          <p>
            {formatPence(budget.annualAmountPence)} a year ({formatPence(budget.weeklyAmountPence)}{" "}
            a week). {budget.reason} ({budget.setBy.displayName}, {formatDate(budget.setAt)})
          </p>
        ) : null}
        {budget && <Streams budget={budget} />}
        {budget && (
          <p>
            <a href={`/api/people/${record.id}/budget.pdf`}>Budget letter (PDF)</a>
          </p>
        )}
        {budget?.lines && <WhyThisAmount lines={budget.lines} />}
        {budget && next("budget", "Change the budget")}
        {record.pendingBudget && (
          <PendingBudget budget={record.pendingBudget} canDecide={record.may.approveBudget} />
        )}
        {budget ? null : eligibility?.eligible ? (
          next("budget", "Set the budget")
        ) : (
          <p>Once the person is found eligible.</p>
        )}
      </Step>
      <Step title="Sign-in for the person">
        <p>
          {record.hasAccount
            ? "The person can sign in to Cairn."
            : "The person has no sign-in yet."}
        </p>
        {record.representatives.length > 0 && (
          <ul>
            {record.representatives.map((r) => (
              <li key={r.id}>
                {r.displayName} ({r.relationship}, {r.authority.replaceAll("-", " ")}) acts for
                them.{" "}
                {record.may.endAuthority && (
                  <Link href={`/people/${record.id}/representatives/${r.id}/end`}>
                    End {r.displayName}'s authority
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        {next("account", "Give a sign-in")}
        {caseHolder && <NewPasswordLinks record={record} />}
      </Step>
      <Step title="Support plan">
        {plan ? (
          <>
            <p>
              {OPTION_LABELS[plan.option]}
              {plan.provider ? ` with ${plan.provider.name}` : ""}:{" "}
              <Tag>{STAGE_LABELS[record.stage]}</Tag>
              {plan.startDate ? ` from ${formatDate(plan.startDate)}` : ""}
              {plan.committedHoursPerWeek ? `, ${plan.committedHoursPerWeek} hours a week` : ""}
            </p>
            <h3>History</h3>
            <ul>
              {plan.events.map((e) => (
                <li key={`${e.event}-${e.at}`}>
                  {formatDate(e.at)}: {e.event} by {e.actor.displayName}
                  {e.note ? ` (${e.note})` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : budget ? (
          <p>Waiting for the person's choice of option and provider.</p>
        ) : (
          <p>After the budget is set.</p>
        )}
        {budget && (
          <ul>
            <li>
              <Link href={`${base}/plan`}>The support plan: supports for each outcome, costed</Link>
            </li>
            <li>
              <Link href={`${base}/contracts`}>Agreements: read, sign, questions</Link>
            </li>
            <li>
              <Link href={`${base}/money`}>Money: monthly statements of each fund</Link>
            </li>
          </ul>
        )}
      </Step>
    </>
  );
}
