import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Radios, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";

// National Eligibility Framework (2009) risk levels; this council funds critical and substantial.
const LEVELS = [
  {
    value: "critical",
    label: "Critical",
    hint: "Major risks to independent living or health and wellbeing; support needed now or within 1-2 days.",
  },
  {
    value: "substantial",
    label: "Substantial",
    hint: "Significant risks to independence or health and wellbeing; support needed within 1-3 months.",
  },
  {
    value: "moderate",
    label: "Moderate",
    hint: "Some risks; may need some support, with a review.",
  },
  { value: "low", label: "Low", hint: "Low risks; advice and other support may be given." },
];

export function EligibilityPage({ personId }: { personId: string }) {
  const [riskLevel, setRiskLevel] = useState("");
  const [reasons, setReasons] = useState("");
  const form = useSubmit(
    () => post(`/api/people/${personId}/eligibility-decisions`, { riskLevel, reasons }),
    () => navigate(`/people/${personId}`),
  );
  return (
    <FormPage
      title="Eligibility decision"
      intro={
        <p>
          The council funds support where the risk is critical or substantial. Whatever the
          decision, say why.
        </p>
      }
      form={form}
      submitLabel="Record decision"
    >
      <Radios
        id="riskLevel"
        label="Risk level"
        value={riskLevel}
        onChange={setRiskLevel}
        options={LEVELS}
        error={form.errorFor("riskLevel")}
      />
      <Textarea
        id="reasons"
        label="Reasons for the decision"
        value={reasons}
        onChange={setReasons}
        error={form.errorFor("reasons")}
      />
    </FormPage>
  );
}
