import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Select, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { NATIONAL_OUTCOME_LABELS } from "../format";
import { navigate } from "../router";

const blank = { inOwnWords: "", need: "", nationalOutcome: "" };
const NATIONAL = Object.entries(NATIONAL_OUTCOME_LABELS).map(([value, label]) => ({
  value,
  label,
}));

export function AssessmentPage({ personId }: { personId: string }) {
  const [summary, setSummary] = useState("");
  const [strengths, setStrengths] = useState("");
  const [outcomes, setOutcomes] = useState([blank]);
  const setOutcome = (i: number, key: keyof typeof blank) => (value: string) =>
    setOutcomes(outcomes.map((o, j) => (j === i ? { ...o, [key]: value } : o)));
  const form = useSubmit(
    () => post(`/api/people/${personId}/assessments`, { summary, strengths, outcomes }),
    () => navigate(`/people/${personId}`),
  );
  return (
    <FormPage
      title="Assessment"
      intro={<p>Write the person's outcomes in their own words, and the need each one mirrors.</p>}
      form={form}
      submitLabel="Save assessment"
    >
      <Textarea
        id="summary"
        label="Summary of the conversation"
        value={summary}
        onChange={setSummary}
        error={form.errorFor("summary")}
      />
      <Textarea
        id="strengths"
        label="Strengths and support already there"
        value={strengths}
        onChange={setStrengths}
        error={form.errorFor("strengths")}
      />
      <div id="outcomes">
        {outcomes.map((o, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: outcome rows have no id until saved
          <fieldset key={i} className="cairn-card">
            <legend className="ds_label">Outcome {i + 1}</legend>
            <Textarea
              id={`outcomes-${i}-inOwnWords`}
              label="In the person's own words"
              value={o.inOwnWords}
              onChange={setOutcome(i, "inOwnWords")}
              error={form.errorFor(`outcomes.${i}.inOwnWords`)}
            />
            <Textarea
              id={`outcomes-${i}-need`}
              label="What they need"
              value={o.need}
              onChange={setOutcome(i, "need")}
              error={form.errorFor(`outcomes.${i}.need`)}
            />
            <Select
              id={`outcomes-${i}-nationalOutcome`}
              label="National outcome"
              value={o.nationalOutcome}
              onChange={setOutcome(i, "nationalOutcome")}
              options={NATIONAL}
              error={form.errorFor(`outcomes.${i}.nationalOutcome`)}
            />
          </fieldset>
        ))}
      </div>
      <button
        type="button"
        className="ds_button ds_button--secondary"
        onClick={() => setOutcomes([...outcomes, blank])}
      >
        Add another outcome
      </button>
    </FormPage>
  );
}
