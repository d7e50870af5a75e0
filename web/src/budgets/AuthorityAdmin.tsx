import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Authority } from "../../../src/modules/budgets/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatPence } from "../format";

/** The limits of a social worker's budget authority, set by the council. */
export function AuthorityAdmin() {
  const current = useQuery({
    queryKey: ["budget-authority"],
    queryFn: () => get<Authority>("/api/budget-authority"),
  });
  const [maxAnnualAmount, setMax] = useState("");
  const [percent, setPercent] = useState("");
  const [saved, setSaved] = useState(false);
  const form = useSubmit(
    () => post("/api/budget-authority", { maxAnnualAmount, maxAdjustmentPercent: Number(percent) }),
    () => setSaved(true),
  );
  return (
    <section aria-labelledby="authority-title">
      <h2 id="authority-title">Social workers' budget authority</h2>
      {current.data && (
        <p>
          Now: up to {formatPence(current.data.maxAnnualPence)} a year, and within{" "}
          {current.data.maxAdjustmentBasisPoints / 100}% of the RAS amount. Beyond that, a team
          manager approves.
        </p>
      )}
      {saved && <p role="status">New limits set.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <TextInput
          id="maxAnnualAmount"
          label="Largest budget a social worker can set (£ a year)"
          inputMode="decimal"
          value={maxAnnualAmount}
          onChange={setMax}
          error={form.errorFor("maxAnnualAmount")}
        />
        <TextInput
          id="maxAdjustmentPercent"
          label="Largest change from the RAS amount (%)"
          inputMode="decimal"
          value={percent}
          onChange={setPercent}
          error={form.errorFor("maxAdjustmentPercent")}
        />
        <Button disabled={form.pending}>Set the limits</Button>
      </form>
    </section>
  );
}
