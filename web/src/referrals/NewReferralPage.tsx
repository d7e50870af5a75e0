import { useState } from "react";
import type { ReferralRecorded } from "../../../src/modules/referrals/replies";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Radios, Select, Textarea, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { useLocalities } from "../people/queries";
import { navigate } from "../router";
import { type Match, PossibleDuplicates } from "./PossibleDuplicates";

const SOURCES = [
  { value: "self", label: "The person themselves" },
  { value: "family-or-carer", label: "Family or carer" },
  { value: "gp", label: "GP" },
  { value: "hospital-discharge", label: "Hospital discharge" },
  { value: "other-professional", label: "Another professional" },
];

export function NewReferralPage() {
  const localities = useLocalities();
  const fields = useFields(
    {
      givenName: "",
      familyName: "",
      dateOfBirth: "",
      localityId: "",
      chi: "",
    },
    "person.",
  );
  const person = fields.values;
  const [confirmedNew, setConfirmedNew] = useState(false);
  const [source, setSource] = useState("");
  const [urgency, setUrgency] = useState("");
  const [reason, setReason] = useState("");
  const form = useSubmit(
    () =>
      post<ReferralRecorded>("/api/referrals", {
        person,
        source,
        urgency,
        reason,
        confirmedNew,
      }),
    (r) => navigate(`/people/${r.personId}`),
  );
  const [asked, setAsked] = useState(false);
  const ask = useSubmit(
    () => post("/api/duplicate-checks", { person, source, urgency, reason }),
    () => setAsked(true),
  );
  const field = fields.bind(form.errorFor);
  return (
    <FormPage title="Record a referral" form={form} submitLabel="Record referral">
      <PossibleDuplicates
        matches={form.problem?.body.matches as Match[] | undefined}
        otherMatches={form.problem?.body.otherMatches as number | undefined}
        confirmed={confirmedNew}
        onConfirm={setConfirmedNew}
        ask={{ ...ask, asked }}
      />
      <TextInput label="Given name" {...field("givenName")} />
      <TextInput label="Family name" {...field("familyName")} />
      <TextInput label="Date of birth" type="date" {...field("dateOfBirth")} />
      <TextInput
        label="CHI number (if known)"
        hint="10 digits. The first six are the date of birth."
        inputMode="numeric"
        {...field("chi")}
      />
      <Select
        label="Locality"
        options={(localities.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        {...field("localityId")}
      />
      <Select
        id="source"
        label="Who made the referral"
        value={source}
        onChange={setSource}
        options={SOURCES}
        error={form.errorFor("source")}
      />
      <Radios
        id="urgency"
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
      <Textarea
        id="reason"
        label="Reason for referral"
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
    </FormPage>
  );
}
