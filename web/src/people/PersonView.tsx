import type { PersonRecord, Plan } from "../../../src/modules/person-record/replies";
import { Streams } from "../budgets/Streams";
import { WhyThisAmount } from "../budgets/WhyThisAmount";
import { formatDate, formatPence } from "../format";
import { useSupportPlan } from "../plans/plan";
import { Link } from "../router";
import { Signposts } from "./Signposts";

/** A person's own view of their record, in plain language ("you"). */
export function PersonView({
  person,
  forSomeoneElse,
}: {
  person: PersonRecord;
  forSomeoneElse?: boolean;
}) {
  const you = forSomeoneElse ? person.givenName : "you";
  const canChoose = person.stage === "budget-set" || person.stage === "provider-declined";
  const plan = useSupportPlan(person.id);
  return (
    <>
      <section aria-labelledby="matters">
        <h2 id="matters">What matters to {forSomeoneElse ? person.givenName : "you"}</h2>
        {person.assessment ? (
          <ul>
            {person.assessment.outcomes.map((o) => (
              <li key={o.id}>
                <q>{o.inOwnWords}</q>
                <br />
                Help needed: {o.need}
              </li>
            ))}
          </ul>
        ) : (
          <p>
            A social worker will talk with {you} about what matters. Nothing is written down yet.
          </p>
        )}
      </section>
      <section aria-labelledby="decision">
        <h2 id="decision">The decision</h2>
        {person.eligibility ? (
          <>
            <p>
              {person.eligibility.eligible
                ? `The council will fund support for ${you}.`
                : `The council will not fund support for ${you} at the moment. You can still get help from community services.`}
            </p>
            <p>Why: {person.eligibility.reasons}</p>
            <p>
              <a href={`/api/people/${person.id}/eligibility-decision.pdf`}>
                The decision as a letter you can print (PDF)
              </a>
            </p>
            {!person.eligibility.eligible && <Signposts personId={person.id} />}
          </>
        ) : (
          <p>No decision yet.</p>
        )}
      </section>
      <section aria-labelledby="budget">
        <h2 id="budget">{forSomeoneElse ? `${person.givenName}'s budget` : "Your budget"}</h2>
        {person.budget ? (
          <>
            <p>
              <strong>{formatPence(person.budget.annualAmountPence)} a year</strong>. That is about{" "}
              {formatPence(person.budget.weeklyAmountPence)} a week. Why this amount:{" "}
              {person.budget.reason}
            </p>
            {person.budgetThisYear && (
              <p>
                Your support starts on {formatDate(person.budgetThisYear.from)}, so for the rest of
                this year (to {formatDate(person.budgetThisYear.to)}, {person.budgetThisYear.days}{" "}
                days) your budget is {formatPence(person.budgetThisYear.pence)}.
              </p>
            )}
            <Streams budget={person.budget} />
            <p>
              <a href={`/api/people/${person.id}/budget.pdf`}>
                Your budget as a letter you can print (PDF)
              </a>
            </p>
            {person.budget.lines && <WhyThisAmount lines={person.budget.lines} />}
          </>
        ) : (
          <p>No budget has been set yet.</p>
        )}
      </section>
      <section aria-labelledby="support">
        <h2 id="support">{forSomeoneElse ? `${person.givenName}'s support` : "Your support"}</h2>
        {person.plan ? <PlanInWords plan={person.plan} /> : <p>No support is arranged yet.</p>}
        {person.budget && (
          <p>
            <Link href={`/people/${person.id}/plan`}>
              {forSomeoneElse ? `${person.givenName}'s support plan` : "Your support plan"}: what
              each support is for and what it costs
            </Link>
          </p>
        )}
        {person.budget && (
          <p>
            <Link href={`/people/${person.id}/money`}>
              {forSomeoneElse ? `${person.givenName}'s money` : "Your money"}: statements of what
              came in, what was spent and what is left
            </Link>
          </p>
        )}
        {canChoose && (
          <p>
            {/* With a written plan, the choice is made for each support; before it, for the whole budget. */}
            <Link
              className="ds_button"
              href={
                plan.data?.lines.length
                  ? `/people/${person.id}/plan/choose`
                  : `/people/${person.id}/choose`
              }
            >
              Choose how your support is arranged
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

export function PlanInWords({ plan }: { plan: Plan }) {
  const provider = plan.provider?.name ?? "The council";
  const option = `You chose Option ${plan.option}.`;
  if (plan.status === "awaiting-provider")
    return (
      <p>
        {option} Waiting for {provider} to reply.
      </p>
    );
  if (plan.status === "declined")
    return (
      <p>
        {option} {provider} could not take this on. You can choose again.
      </p>
    );
  return (
    <p>
      {option} Active: {provider} is supporting you
      {plan.startDate ? ` from ${formatDate(plan.startDate)}` : ""}
      {plan.committedHoursPerWeek ? `, ${plan.committedHoursPerWeek} hours a week` : ""}.
    </p>
  );
}
