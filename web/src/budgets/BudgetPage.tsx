import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Textarea, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { STREAM_LABELS } from "../format";
import { navigate } from "../router";
import { IndicativeBudgetForm } from "./IndicativeBudgetForm";

export function BudgetPage({ personId }: { personId: string }) {
  const [annualAmount, setAnnualAmount] = useState("");
  const [reason, setReason] = useState("");
  const [streamAmounts, setStreamAmounts] = useState<Record<string, string>>({});
  // Only streams given an amount are sent; none means it is all social care.
  const streams = Object.entries(streamAmounts)
    .filter(([, amount]) => amount.trim())
    .map(([stream, annualAmount]) => ({ stream, annualAmount }));
  const form = useSubmit(
    () => post(`/api/people/${personId}/budgets`, { annualAmount, reason, streams }),
    () => navigate(`/people/${personId}`),
  );
  return (
    <FormPage
      title="Set the budget"
      intro={
        <>
          <IndicativeBudgetForm personId={personId} />
          <h2>Or set an amount yourself</h2>
        </>
      }
      form={form}
      submitLabel="Set budget"
    >
      <TextInput
        id="annualAmount"
        label="Annual budget (£)"
        hint="In pounds a year, for example 10400.00"
        inputMode="decimal"
        value={annualAmount}
        onChange={setAnnualAmount}
        error={form.errorFor("annualAmount")}
      />
      <Textarea
        id="reason"
        label="Reason for this amount"
        hint="The person will see this reason."
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
      <fieldset className="ds_question" id="streams">
        <legend className="ds_label">Where the money comes from (if more than social care)</legend>
        {form.errorFor("streams") && (
          <p className="ds_question__error-message">{form.errorFor("streams")}</p>
        )}
        {Object.entries(STREAM_LABELS).map(([stream, label]) => {
          const sent = streams.findIndex((s) => s.stream === stream);
          return (
            <TextInput
              key={stream}
              id={sent >= 0 ? `streams-${sent}-annualAmount` : `stream-${stream}`}
              label={`${label} (£ a year)`}
              inputMode="decimal"
              value={streamAmounts[stream] ?? ""}
              onChange={(v) => setStreamAmounts({ ...streamAmounts, [stream]: v })}
              error={sent >= 0 ? form.errorFor(`streams.${sent}.annualAmount`) : undefined}
            />
          );
        })}
      </fieldset>
    </FormPage>
  );
}
