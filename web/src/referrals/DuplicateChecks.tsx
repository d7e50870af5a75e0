import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DuplicateChecks as Checks } from "../../../src/modules/referrals/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Radios } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";

type Check = Checks["checks"][number];

/**
 * Referrals a worker could not match themselves: the people they may be, for a team manager
 * (or an administrator) to say whether it is someone already recorded or someone new.
 */
export function DuplicateChecks() {
  const checks = useQuery({
    queryKey: ["duplicate-checks"],
    queryFn: () => get<Checks>("/api/duplicate-checks").then((r) => r.checks),
  });
  if (!checks.data?.length) return null;
  return (
    <section aria-labelledby="duplicate-checks-title">
      <h2 id="duplicate-checks-title">Referrals to check: someone already recorded?</h2>
      {checks.data.map((check) => (
        <CheckCard key={check.id} check={check} />
      ))}
    </section>
  );
}

function CheckCard({ check }: { check: Check }) {
  const [choice, setChoice] = useState("");
  const form = useSubmit(
    () =>
      post(
        `/api/duplicate-checks/${check.id}/decision`,
        choice === "different"
          ? { decision: "different-person" }
          : choice
            ? { decision: "same-person", personId: choice }
            : {},
      ),
    () => {},
  );
  const id = `check-${check.id}`;
  const { person } = check;
  return (
    <article className="cairn-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {person.givenName} {person.familyName}, born {formatDate(person.dateOfBirth)},{" "}
        {person.locality}
      </h3>
      <p>
        Referral recorded by {check.requestedBy} on {formatDate(check.requestedAt)}.
      </p>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors.map((e) => ({ ...e, path: id }))} detail={form.detail} />
        <Radios
          id={id}
          label="Is this someone already recorded?"
          value={choice}
          onChange={setChoice}
          error={form.errors[0]?.message}
          options={[
            ...check.matches.map((m) => ({
              value: m.id,
              label: `The same person as ${m.givenName} ${m.familyName}, born ${formatDate(m.dateOfBirth)}, ${m.locality}`,
              hint: `${m.reasons.join("; ")}. The referral is added to their record.`,
            })),
            {
              value: "different",
              label: "A different person",
              hint: "A new record is made, held by the worker who recorded the referral.",
            },
          ]}
        />
        <Button disabled={form.pending}>Save the decision</Button>
      </form>
    </article>
  );
}
