import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RequestsToProvider, RequestToProvider } from "../../../src/modules/plans/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Textarea, TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence, OPTION_LABELS, wholeNumberOrText } from "../format";
import { fullName, usePeople } from "../people/queries";
import { Link } from "../router";

export function ProviderHome({ providerId }: { providerId: string | null }) {
  const plans = useQuery({
    queryKey: ["provider-requests"],
    queryFn: () => get<RequestsToProvider>("/api/provider-requests").then((r) => r.requests),
  });
  const people = usePeople();
  if (plans.isPending || people.isPending) return <Loading />;
  const waiting = (plans.data ?? []).filter((p) => p.status === "awaiting-provider");
  const active = (plans.data ?? []).filter((p) => p.status === "active");
  // People supported through an agreement naming this provider, with no request made to it.
  const byAgreement = (people.data ?? []).filter(
    (person) => ![...waiting, ...active].some((p) => p.person.id === person.id),
  );
  return (
    <>
      <PageHeader title="Requests and people you support" />
      {providerId && (
        <p>
          <Link href={`/providers/${providerId}`}>
            Your entry in the directory: services, rates and hours free
          </Link>
        </p>
      )}
      <section aria-labelledby="waiting">
        <h2 id="waiting">Requests waiting for your answer</h2>
        {waiting.length === 0 && <p>No requests are waiting.</p>}
        {waiting.map((plan) => (
          <Request key={plan.id} plan={plan} />
        ))}
      </section>
      <section aria-labelledby="supported">
        <h2 id="supported">People you support</h2>
        {active.length + byAgreement.length === 0 ? (
          <p>No one yet.</p>
        ) : (
          <ul>
            {byAgreement.map((person) => (
              <li key={person.id}>
                {fullName(person)}: through an agreement with you.{" "}
                <Link href={`/people/${person.id}/contracts`}>Agreements</Link>
                {" | "}
                <Link href={`/people/${person.id}/money`}>Statements</Link>
              </li>
            ))}
            {active.map((p) => (
              <li key={p.id}>
                {fullName(p.person)}: from {formatDate(p.startDate)}, {p.committedHoursPerWeek}{" "}
                hours a week, budget {formatPence(p.annualAmountPence)} a year.{" "}
                <Link href={`/people/${p.person.id}/contracts`}>Agreements</Link>
                {" | "}
                <Link href={`/people/${p.person.id}/money`}>Statements</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Request({ plan }: { plan: RequestToProvider }) {
  const [startDate, setStartDate] = useState("");
  const [hours, setHours] = useState("");
  const [reason, setReason] = useState("");
  const accept = useSubmit(
    () =>
      post(`/api/provider-requests/${plan.id}/acceptance`, {
        startDate,
        committedHoursPerWeek: wholeNumberOrText(hours),
      }),
    () => {},
  );
  const decline = useSubmit(
    () => post(`/api/provider-requests/${plan.id}/decline`, { reason }),
    () => {},
  );
  const id = (name: string) => `${plan.id}-${name}`;
  const errorsFor = (form: typeof accept) => form.errors.map((e) => ({ ...e, path: id(e.path) }));
  return (
    <article className="cairn-card" aria-labelledby={id("name")}>
      <h3 id={id("name")}>{fullName(plan.person)}</h3>
      <p>
        {OPTION_LABELS[plan.option]}. Lives in {plan.locality}. Budget{" "}
        {formatPence(plan.annualAmountPence)} a year.
      </p>
      {plan.support && (
        <p>
          Support asked for: {plan.support.description}
          {plan.support.minutesPerWeek !== null
            ? `, ${plan.support.minutesPerWeek / 60} hours a week`
            : ""}
          , {formatPence(plan.support.annualPence)} a year.
        </p>
      )}
      {plan.outcomesShared ? (
        <>
          <p>What matters to them:</p>
          <ul>
            {plan.outcomes.map((o) => (
              <li key={o.inOwnWords}>
                <q>{o.inOwnWords}</q>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          You will see more about them, and what matters to them, once you agree to support them.
        </p>
      )}
      <div className="cairn-inline-forms">
        <form onSubmit={accept.submit} noValidate>
          <ErrorSummary errors={errorsFor(accept)} detail={accept.detail} />
          <TextInput
            id={id("startDate")}
            label="Start date"
            type="date"
            value={startDate}
            onChange={setStartDate}
            error={accept.errorFor("startDate")}
          />
          <TextInput
            id={id("committedHoursPerWeek")}
            label="Hours per week"
            inputMode="numeric"
            value={hours}
            onChange={setHours}
            error={accept.errorFor("committedHoursPerWeek")}
          />
          <Button disabled={accept.pending}>Accept</Button>
        </form>
        <form onSubmit={decline.submit} noValidate>
          <ErrorSummary errors={errorsFor(decline)} detail={decline.detail} />
          <Textarea
            id={id("reason")}
            label="Reason for declining"
            value={reason}
            onChange={setReason}
            error={decline.errorFor("reason")}
          />
          <Button secondary disabled={decline.pending}>
            Decline
          </Button>
        </form>
      </div>
    </article>
  );
}
