import { useState } from "react";
import type { ReturnSubmitted } from "../../../src/modules/ledger/replies";
import { post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { wholeNumberOrText } from "../format";

/** A provider's return for a month: hours and visits planned and delivered, and any purchase. */
export function ReturnForm({ contractId }: { contractId: string }) {
  const fields = useFields(
    {
      period: new Date().toISOString().slice(0, 7),
      description: "",
      plannedHours: "",
      deliveredHours: "",
      plannedVisits: "0",
      deliveredVisits: "0",
      purchase: "",
      purchaseAmount: "",
    },
    "",
    `${contractId}-return-`,
  );
  const v = fields.values;
  const [sent, setSent] = useState<string>();
  const form = useSubmit(
    () =>
      post<ReturnSubmitted>(`/api/contracts/${contractId}/returns`, {
        period: v.period,
        lines: [
          {
            kind: "support",
            description: v.description,
            plannedHours: v.plannedHours,
            deliveredHours: v.deliveredHours,
            plannedVisits: wholeNumberOrText(v.plannedVisits),
            deliveredVisits: wholeNumberOrText(v.deliveredVisits),
          },
          ...(v.purchase
            ? [{ kind: "purchase", description: v.purchase, amount: v.purchaseAmount }]
            : []),
        ],
      }),
    (r) =>
      setSent(
        r.held
          ? `The return for ${v.period} is in. ${r.held === 1 ? "One line goes" : `${r.held} lines go`} beyond the agreement, so finance will ask you about it before it is paid.`
          : `The return for ${v.period} is in.`,
      ),
  );
  const errorFor = (name: string) =>
    form.errorFor(name) ??
    form.errors.find((e) => e.path.startsWith("lines.0.") && e.path.endsWith(name))?.message ??
    (name.startsWith("purchase")
      ? form.errors.find((e) => e.path.startsWith("lines.1."))?.message
      : undefined);
  const field = fields.bind(errorFor);
  return (
    <section aria-labelledby={`${contractId}-return`}>
      <h3 id={`${contractId}-return`}>Record a month's return</h3>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        {sent && <p role="status">{sent}</p>}
        <TextInput label="Month" hint="Like 2026-12" {...field("period")} />
        <TextInput label="Support delivered" {...field("description")} />
        <TextInput label="Hours planned" inputMode="decimal" {...field("plannedHours")} />
        <TextInput label="Hours delivered" inputMode="decimal" {...field("deliveredHours")} />
        <TextInput label="Visits planned" inputMode="numeric" {...field("plannedVisits")} />
        <TextInput label="Visits delivered" inputMode="numeric" {...field("deliveredVisits")} />
        <TextInput label="Something bought from the fund (if any)" {...field("purchase")} />
        <TextInput label="What it cost (£)" inputMode="decimal" {...field("purchaseAmount")} />
        <Button secondary disabled={form.pending}>
          Send the return
        </Button>
      </form>
    </section>
  );
}
