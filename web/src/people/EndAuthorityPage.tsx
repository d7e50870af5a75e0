import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Textarea, TextInput } from "../components/fields";
import { Loading } from "../components/layout";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";
import { fullName, usePerson } from "./queries";

/** The case holder ends a representative's authority; their access stops at once. */
export function EndAuthorityPage({
  personId,
  representativeId,
}: {
  personId: string;
  representativeId: string;
}) {
  const person = usePerson(personId);
  const { values, bind } = useFields({
    endedOn: new Date().toISOString().slice(0, 10),
    reason: "",
  });
  const form = useSubmit(
    () => post(`/api/people/${personId}/representatives/${representativeId}/end`, values),
    () => navigate(`/people/${personId}`),
  );
  if (!person.data) return <Loading />;
  const representative = person.data.representatives.find((r) => r.id === representativeId);
  const field = bind(form.errorFor);
  return (
    <FormPage
      title={`End ${representative?.displayName ?? "this representative"}'s authority`}
      intro={
        <p>
          From the moment you save this, {representative?.displayName ?? "they"} can no longer see
          or act on {fullName(person.data)}'s record. The record of their authority is kept.
        </p>
      }
      form={form}
      submitLabel="End the authority"
    >
      <TextInput
        label="Date the authority ended"
        hint="For example, 2026-11-30. It cannot be in the future."
        {...field("endedOn")}
      />
      <Textarea
        label="Why it ended"
        hint="For example, the power of attorney was revoked by the court."
        {...field("reason")}
      />
    </FormPage>
  );
}
