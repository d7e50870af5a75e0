import { Loading, SummaryList } from "../components/layout";
import { formatPence, PROVIDER_KIND_LABELS, REPORTED_OPTION_LABELS, STAGE_LABELS } from "../format";
import { useSummary } from "../people/queries";

/** Aggregate figures: no personal data. */
export function SummaryFigures({
  show,
}: {
  show: ("stages" | "options" | "budget" | "providers")[];
}) {
  const summary = useSummary();
  if (summary.isPending) return <Loading />;
  if (!summary.data) return <p role="alert">The figures could not be loaded.</p>;
  const s = summary.data;
  return (
    <>
      {show.includes("budget") && (
        <section aria-labelledby="fig-budget">
          <h2 id="fig-budget">Active budgets</h2>
          <p>
            <strong>{formatPence(s.activeAnnualBudgetPence)}</strong> a year: the budgets of people
            with an agreement in force, each person counted once.
          </p>
        </section>
      )}
      {show.includes("options") && (
        <section aria-labelledby="fig-options">
          <h2 id="fig-options">People by SDS option</h2>
          <p>Each person once, by the agreements in force for them.</p>
          <SummaryList
            rows={Object.entries(REPORTED_OPTION_LABELS).map(([o, label]) => [
              label,
              String(s.plansByOption[o] ?? 0),
            ])}
          />
        </section>
      )}
      {show.includes("stages") && (
        <section aria-labelledby="fig-stages">
          <h2 id="fig-stages">People by stage ({s.people} in all)</h2>
          <SummaryList
            rows={Object.entries(STAGE_LABELS).map(([k, label]) => [
              label,
              String(s.peopleByStage[k] ?? 0),
            ])}
          />
        </section>
      )}
      {show.includes("providers") && (
        <section aria-labelledby="fig-providers">
          <h2 id="fig-providers">Providers by kind</h2>
          <SummaryList
            rows={Object.entries(s.providersByKind).map(([k, n]) => [
              PROVIDER_KIND_LABELS[k] ?? k,
              String(n),
            ])}
          />
        </section>
      )}
    </>
  );
}
