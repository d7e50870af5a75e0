import { useState } from "react";
import type { PasswordLink } from "../../../src/modules/identity/replies";
import type { PersonRecord } from "../../../src/modules/person-record/replies";
import { post } from "../api";
import { Button, ErrorSummary } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { HandOverLink } from "./AccountPage";

/**
 * The case holder gives the person, or someone acting for them, a new one-time link to set
 * their password (a forgotten one, or a first link that expired): older links stop working.
 */
export function NewPasswordLinks({ record }: { record: PersonRecord }) {
  return (
    <>
      {record.hasAccount && <NewLink personId={record.id} label="the person" />}
      {record.representatives.map((r) => (
        <NewLink key={r.id} personId={record.id} representativeId={r.id} label={r.displayName} />
      ))}
    </>
  );
}

function NewLink({
  personId,
  representativeId,
  label,
}: {
  personId: string;
  representativeId?: string;
  label: string;
}) {
  const [issued, setIssued] = useState<PasswordLink>();
  const form = useSubmit(
    () =>
      post<PasswordLink>(
        `/api/people/${personId}/password-links`,
        representativeId ? { representativeId } : {},
      ),
    setIssued,
  );
  if (issued) return <HandOverLink issued={issued} />;
  return (
    <form onSubmit={form.submit}>
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <Button secondary disabled={form.pending}>
        New password link for {label}
      </Button>
    </form>
  );
}
