import { useState } from "react";
import type { PasswordLink } from "../../../src/modules/identity/replies";
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
  const [created, setCreated] = useState<PasswordLink>();
  const representative = kind === "representative";
  const form = useSubmit(
    () =>
      post<PasswordLink>(`/api/people/${personId}/accounts`, {
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
        <HandOverLink issued={created} />
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

/**
 * A one-time link to set a password, for the worker or administrator to hand over: only its
 * owner should open it (it sets their password once, and stops working once used).
 */
export function HandOverLink({ issued }: { issued: PasswordLink }) {
  const link = `${window.location.origin}${issued.link}`;
  return (
    <div className="ds_inset-text">
      <div className="ds_inset-text__text">
        <p>
          Give this link to {issued.email} so they can choose their own password. Do not open it
          yourself: it works once, and only for them. Give it in person, by phone or in a letter,
          not by email. It stops working on {new Date(issued.expiresAt).toLocaleString("en-GB")}.
        </p>
        <p className="ds_notification-panel__reference">
          <code id="set-password-link" className="cairn-link-text">
            {link}
          </code>
        </p>
      </div>
    </div>
  );
}
