import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Radios, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";
import { RISK_LEVELS, useCriteria } from "./criteria";

export function EligibilityPage({ personId }: { personId: string }) {
  const criteria = useCriteria();
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
        <>
          <div className="ds_inset-text">
            The council's criteria: {criteria.data?.publishedText}
          </div>
          <p>
            Whatever the decision, say why. A person not eligible is shown places that can help.
          </p>
        </>
      }
      form={form}
      submitLabel="Record decision"
    >
      <Radios
        id="riskLevel"
        label="Risk level"
        value={riskLevel}
        onChange={setRiskLevel}
        options={RISK_LEVELS.map((l) => ({
          ...l,
          label: `${l.label}${criteria.data?.fundedLevels.includes(l.value) ? " (funded)" : ""}`,
        }))}
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
