import { useState } from "react";
import type { NewAccountReply } from "../../../src/modules/people/replies";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Radios, Select, TextInput } from "../components/fields";
import { PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { Link } from "../router";

const AUTHORITIES = [
  { value: "welfare-guardian", label: "Welfare guardian" },
  { value: "welfare-power-of-attorney", label: "Welfare power of attorney" },
  { value: "continuing-power-of-attorney", label: "Continuing power of attorney" },
  { value: "informal-carer", label: "Informal carer (acts with the person's agreement)" },
];

/** A social worker gives the person, or someone acting for them, a sign-in. */
export function AccountPage({ personId }: { personId: string }) {
  const [kind, setKind] = useState("person");
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [relationship, setRelationship] = useState("");
  const [authority, setAuthority] = useState("");
  const [created, setCreated] = useState<NewAccountReply>();
  const representative = kind === "representative";
  const form = useSubmit(
    () =>
      post<NewAccountReply>(`/api/people/${personId}/accounts`, {
        kind,
        email,
        displayName,
        ...(representative ? { relationship, authority: authority || undefined } : {}),
      }),
    setCreated,
  );
  if (created) {
    return (
      <>
        <PageHeader title="Sign-in created" />
        <div className="ds_notification-panel">
          <p>
            {created.email} can now sign in with this first password. Pass it on securely, not by
            email, and ask them to keep it private:
          </p>
          <p className="ds_notification-panel__reference">
            <code id="initial-password">{created.initialPassword}</code>
          </p>
        </div>
        <p>
          <Link href={`/people/${personId}`}>Back to the record</Link>
        </p>
      </>
    );
  }
  return (
    <FormPage title="Give a sign-in" form={form} submitLabel="Create sign-in">
      <Radios
        id="kind"
        label="Who is this sign-in for?"
        value={kind}
        onChange={setKind}
        options={[
          { value: "person", label: "The person" },
          { value: "representative", label: "A carer or representative" },
        ]}
        error={form.errorFor("kind")}
      />
      <TextInput
        id="email"
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        error={form.errorFor("email")}
      />
      <TextInput
        id="displayName"
        label="Name"
        value={displayName}
        onChange={setDisplayName}
        error={form.errorFor("displayName")}
      />
      {representative && (
        <>
          <TextInput
            id="relationship"
            label="Relationship"
            hint="For example: daughter, neighbour, friend"
            value={relationship}
            onChange={setRelationship}
            error={form.errorFor("relationship")}
          />
          <Select
            id="authority"
            label="Authority"
            value={authority}
            onChange={setAuthority}
            options={AUTHORITIES}
            error={form.errorFor("authority")}
          />
        </>
      )}
    </FormPage>
  );
}
