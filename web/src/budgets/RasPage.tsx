import { Loading, PageHeader } from "../components/layout";
import { formatDate, formatPence } from "../format";
import { usePublishedRas } from "./IndicativeBudgetForm";

/** The council's Resource Allocation System, in plain words, for anyone (no sign-in). */
export function RasPage() {
  const ras = usePublishedRas();
  if (ras.isPending) return <Loading />;
  if (!ras.data) {
    return (
      <>
        <PageHeader title="How we work out your budget" />
        <p>The council has not published its method yet.</p>
      </>
    );
  }
  const { definition, version, name, effectiveFrom } = ras.data;
  return (
    <>
      <PageHeader title="How we work out your budget" label={`${name}, version ${version}`} />
      <p>
        This method is used from {formatDate(effectiveFrom)}. It gives an indicative budget: a
        starting amount that you and your social worker can change if your circumstances need it.
      </p>
      <h2>Step 1: points for what you need help with</h2>
      <p>Your assessment answers these questions. Each answer has points.</p>
      {definition.questions.map((q) => (
        <div key={q.key}>
          <h3>{q.label}</h3>
          <ul>
            {q.answers.map((a) => (
              <li key={a.value}>
                {a.label}: {a.points} points
              </li>
            ))}
          </ul>
        </div>
      ))}
      <h2>Step 2: money for each point</h2>
      <p>
        The points are added up. Each point is worth an amount of money a year, which depends on
        your total and on the group of people you are in.
      </p>
      <table className="ds_table">
        <caption>Money for each point, a year</caption>
        <thead>
          <tr>
            <th scope="col">Total points</th>
            {definition.careGroups.map((g) => (
              <th key={g} scope="col">
                {g}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {definition.bands.map((b) => (
            <tr key={b.fromPoints}>
              <th scope="row">
                {b.toPoints === null
                  ? `${b.fromPoints} or more`
                  : `${b.fromPoints} to ${b.toPoints}`}
              </th>
              {definition.careGroups.map((g) => (
                <td key={g}>{formatPence(b.pencePerPoint[g] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Step 3: things that change the amount</h2>
      <ul>
        {definition.adjustments.map((a) => (
          <li key={a.key}>
            {a.label}: {a.basisPoints > 0 ? "up" : "down"} by {Math.abs(a.basisPoints) / 100}%
          </li>
        ))}
      </ul>
      <p>You will always see how your own amount was worked out, step by step.</p>
    </>
  );
}
