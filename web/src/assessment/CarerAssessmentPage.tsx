import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Checkbox, Textarea, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";

/** A carer's own assessment: the plan's kind (young carer or adult) follows from their age. */
export function CarerAssessmentPage({ personId }: { personId: string }) {
  const fields = useFields({
    carerName: "",
    carerDateOfBirth: "",
    relationship: "",
    caringRole: "",
    willingAndAble: "",
    supportNeeded: "",
  });
  const carer = fields.values;
  const [atSchool, setAtSchool] = useState(false);
  const [outcome, setOutcome] = useState("");
  const form = useSubmit(
    () =>
      post(`/api/people/${personId}/carer-assessments`, {
        ...carer,
        atSchool,
        outcomes: outcome.trim() ? [outcome] : [],
      }),
    () => navigate(`/people/${personId}`),
  );
  const field = fields.bind(form.errorFor);
  return (
    <FormPage
      title="A carer's own assessment"
      intro={
        <p>
          Carers have a right to their own assessment. A carer under 18, or 18 and still at school,
          gets a young carer statement; other carers get an adult carer support plan.
        </p>
      }
      form={form}
      submitLabel="Save the carer's assessment"
    >
      <TextInput label="Carer's name" {...field("carerName")} />
      <TextInput label="Carer's date of birth" type="date" {...field("carerDateOfBirth")} />
      <Checkbox
        id="atSchool"
        label="The carer is still at school"
        checked={atSchool}
        onChange={setAtSchool}
      />
      <TextInput label="Relationship to the person" {...field("relationship")} />
      <Textarea label="What the carer does" {...field("caringRole")} />
      <Textarea
        label="What the carer is willing and able to do"
        hint="The limits of caring are the carer's to set"
        {...field("willingAndAble")}
      />
      <Textarea
        id="outcomes"
        label="What matters to the carer, in their words"
        value={outcome}
        onChange={setOutcome}
        error={form.errorFor("outcomes") ?? form.errorFor("outcomes.0")}
      />
      <Textarea label="Support the carer needs" {...field("supportNeeded")} />
    </FormPage>
  );
}
