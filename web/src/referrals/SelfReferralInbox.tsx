import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  ReferralRecorded,
  SelfReferral,
  SelfReferralList,
} from "../../../src/modules/referrals/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Radios } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";
import { navigate } from "../router";
import { type Match, PossibleDuplicates } from "./PossibleDuplicates";

/** Self-referrals sent without an account, waiting for a worker to take them on. */
export function SelfReferralInbox() {
  const waiting = useQuery({
    queryKey: ["self-referrals"],
    queryFn: () => get<SelfReferralList>("/api/self-referrals").then((r) => r.selfReferrals),
  });
  return (
    <section aria-labelledby="self-referrals-title">
      <h2 id="self-referrals-title">Self-referrals waiting</h2>
      {waiting.data?.length ? (
        waiting.data.map((r) => <Waiting key={r.id} referral={r} />)
      ) : (
        <p>None waiting.</p>
      )}
    </section>
  );
}

function Waiting({ referral }: { referral: SelfReferral }) {
  const [urgency, setUrgency] = useState("");
  const [confirmedNew, setConfirmedNew] = useState(false);
  const form = useSubmit(
    () =>
      post<ReferralRecorded>(`/api/self-referrals/${referral.id}/acceptance`, {
        urgency,
        confirmedNew,
      }),
    (r) => navigate(`/people/${r.personId}`),
  );
  const id = (name: string) => `${referral.id}-${name}`;
  return (
    <article className="cairn-card" aria-labelledby={id("name")}>
      <h3 id={id("name")}>
        {referral.givenName} {referral.familyName}
      </h3>
      <p>
        Born {formatDate(referral.dateOfBirth)}. Received {formatDate(referral.receivedAt)}
        {referral.sentBy ? `, sent by ${referral.sentBy}` : ""}.
      </p>
      <p>
        What matters: <q>{referral.whatMatters}</q>
      </p>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary
          errors={form.errors.map((e) => ({ ...e, path: id(e.path) }))}
          detail={form.detail}
        />
        <PossibleDuplicates
          matches={form.problem?.body.matches as Match[] | undefined}
          otherMatches={form.problem?.body.otherMatches as number | undefined}
          confirmed={confirmedNew}
          onConfirm={setConfirmedNew}
        />
        <Radios
          id={id("urgency")}
          label="How urgent"
          value={urgency}
          onChange={setUrgency}
          options={[
            { value: "routine", label: "Routine" },
            { value: "soon", label: "Soon" },
            { value: "urgent", label: "Urgent" },
          ]}
          error={form.errorFor("urgency")}
        />
        <Button disabled={form.pending}>Take this on</Button>
      </form>
    </article>
  );
}
