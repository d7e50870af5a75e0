import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Textarea, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";
import { IndicativeBudgetForm } from "./IndicativeBudgetForm";

export function BudgetPage({ personId }: { personId: string }) {
  const [annualAmount, setAnnualAmount] = useState("");
  const [reason, setReason] = useState("");
  const form = useSubmit(
    () => post(`/api/people/${personId}/budgets`, { annualAmount, reason }),
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
    </FormPage>
  );
}
