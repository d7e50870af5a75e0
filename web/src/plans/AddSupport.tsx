import type { Assessment } from "../../../src/modules/person-record/replies";
import type { SupportPlan } from "../../../src/modules/plans/replies";
import { api } from "../api";
import { Button, ErrorSummary, Radios, Select, Textarea, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { useProviders } from "../people/queries";

type Outcome = Assessment["outcomes"][number];

import { usePools } from "./Pools";
import { KIND_WORDS, lineInput, OPTION_WORDS } from "./plan";

/** Adds one support to the plan: a new version holding every line as it was, and this one. */
export function AddSupport({
  personId,
  plan,
  outcomes,
}: {
  personId: string;
  plan: SupportPlan | null;
  outcomes: Outcome[];
}) {
  const providers = useProviders();
  const pools = usePools(personId);
  const fields = useFields(
    {
      outcomeId: "",
      kind: "",
      description: "",
      option: "2",
      providerId: "",
      poolId: "",
      costType: "hourly",
      hoursPerWeek: "",
      hourlyRate: "",
      amount: "",
      per: "month",
      howItMeetsOutcome: "",
      changeSummary: "",
    },
    "",
    "new-",
  );
  const v = fields.values;
  const index = plan?.lines.length ?? 0;
  const cost =
    v.costType === "hourly"
      ? { type: "hourly", hoursPerWeek: v.hoursPerWeek, hourlyRate: v.hourlyRate }
      : v.costType === "recurring"
        ? { type: "recurring", amount: v.amount, per: v.per }
        : { type: "one-off", amount: v.amount };
  const form = useSubmit(
    () =>
      api("PUT", `/api/people/${personId}/plan`, {
        changeSummary: v.changeSummary,
        lines: [
          ...(plan?.lines ?? []).map(lineInput),
          {
            outcomeId: v.outcomeId,
            kind: v.kind,
            description: v.description,
            option: v.option,
            providerId: v.providerId || null,
            poolId: v.kind === "pooled" ? v.poolId || null : null,
            cost: v.kind === "pooled" ? undefined : cost,
            howItMeetsOutcome: v.howItMeetsOutcome,
          },
        ],
      }),
    () => {},
  );
  // Errors on the new line come back as lines.N.field: show them on this form's fields.
  const errorFor = (path: string) =>
    form.errorFor(path) ??
    form.errorFor(`lines.${index}.${path}`) ??
    form.errorFor(`lines.${index}.cost.${path}`);
  const field = fields.bind(errorFor);
  const errors = form.errors.map((e) => ({
    ...e,
    path: `new-${e.path.split(".").at(-1) === "type" ? "costType" : e.path.split(".").at(-1)}`,
  }));
  return (
    <section aria-labelledby="add-support">
      <h2 id="add-support">Add a support</h2>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={errors} detail={form.detail} />
        <Select
          label="Which outcome does it meet?"
          options={outcomes.map((o) => ({ value: o.id, label: o.inOwnWords }))}
          {...field("outcomeId")}
        />
        <Select
          label="Kind of support"
          options={Object.entries(KIND_WORDS).map(([value, label]) => ({ value, label }))}
          {...field("kind")}
        />
        <TextInput label="What the support is" {...field("description")} />
        <Select
          label="Option"
          options={["1", "2", "3"].map((o) => ({ value: o, label: OPTION_WORDS[o]?.title ?? o }))}
          {...field("option")}
        />
        <Select
          label="Provider (if any)"
          placeholder="No provider"
          options={(providers.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          {...field("providerId")}
        />
        {v.kind === "pooled" && (
          <Select
            label="Which shared support?"
            options={(pools.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            {...field("poolId")}
          />
        )}
        {v.kind !== "pooled" && (
          <>
            <Radios
              label="How is it paid for?"
              options={[
                { value: "hourly", label: "By the hour" },
                { value: "recurring", label: "A regular amount" },
                { value: "one-off", label: "Once" },
              ]}
              {...field("costType")}
            />
            {v.costType === "hourly" ? (
              <>
                <TextInput
                  label="Hours a week"
                  hint="For example 7.5"
                  inputMode="decimal"
                  {...field("hoursPerWeek")}
                />
                <TextInput
                  label="Hourly rate (£)"
                  hint="For example 24.60"
                  inputMode="decimal"
                  {...field("hourlyRate")}
                />
              </>
            ) : (
              <TextInput label="Amount (£)" inputMode="decimal" {...field("amount")} />
            )}
            {v.costType === "recurring" && (
              <Select
                label="How often"
                options={[
                  { value: "week", label: "Each week" },
                  { value: "month", label: "Each month" },
                  { value: "year", label: "Each year" },
                ]}
                {...field("per")}
              />
            )}
          </>
        )}
        <Textarea
          label="How it helps with the outcome"
          hint="A short note; needed for things to buy"
          {...field("howItMeetsOutcome")}
        />
        <Textarea label="What changed and why" {...field("changeSummary")} />
        <Button disabled={form.pending}>Add to the plan</Button>
      </form>
    </section>
  );
}
