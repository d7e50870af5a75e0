import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Checkbox, Textarea, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";

/** A carer's own assessment: the plan's kind (young carer or adult) follows from their age. */
export function CarerAssessmentPage({ personId }: { personId: string }) {
  const [carer, setCarer] = useState({
    carerName: "",
    carerDateOfBirth: "",
    relationship: "",
    caringRole: "",
    willingAndAble: "",
    supportNeeded: "",
  });
  const [atSchool, setAtSchool] = useState(false);
  const [outcome, setOutcome] = useState("");
  const set = (key: keyof typeof carer) => (value: string) => setCarer({ ...carer, [key]: value });
  const form = useSubmit(
    () =>
      post(`/api/people/${personId}/carer-assessments`, {
        ...carer,
        atSchool,
        outcomes: outcome.trim() ? [outcome] : [],
      }),
    () => navigate(`/people/${personId}`),
  );
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
      <TextInput
        id="carerName"
        label="Carer's name"
        value={carer.carerName}
        onChange={set("carerName")}
        error={form.errorFor("carerName")}
      />
      <TextInput
        id="carerDateOfBirth"
        label="Carer's date of birth"
        type="date"
        value={carer.carerDateOfBirth}
        onChange={set("carerDateOfBirth")}
        error={form.errorFor("carerDateOfBirth")}
      />
      <Checkbox
        id="atSchool"
        label="The carer is still at school"
        checked={atSchool}
        onChange={setAtSchool}
      />
      <TextInput
        id="relationship"
        label="Relationship to the person"
        value={carer.relationship}
        onChange={set("relationship")}
        error={form.errorFor("relationship")}
      />
      <Textarea
        id="caringRole"
        label="What the carer does"
        value={carer.caringRole}
        onChange={set("caringRole")}
        error={form.errorFor("caringRole")}
      />
      <Textarea
        id="willingAndAble"
        label="What the carer is willing and able to do"
        hint="The limits of caring are the carer's to set"
        value={carer.willingAndAble}
        onChange={set("willingAndAble")}
      />
      <Textarea
        id="outcomes"
        label="What matters to the carer, in their words"
        value={outcome}
        onChange={setOutcome}
        error={form.errorFor("outcomes") ?? form.errorFor("outcomes.0")}
      />
      <Textarea
        id="supportNeeded"
        label="Support the carer needs"
        value={carer.supportNeeded}
        onChange={set("supportNeeded")}
      />
    </FormPage>
  );
}
