import type { Budget } from "../../../src/modules/person-record/replies";
import { formatPence, STREAM_LABELS } from "../format";

/** Where the money comes from, when more than one funding stream makes up the budget. */
export function Streams({ budget }: { budget: Budget }) {
  if (budget.streams.length < 2) return null;
  return (
    <table className="ds_table">
      <caption>Where the money comes from</caption>
      <thead>
        <tr>
          <th scope="col">Funding</th>
          <th scope="col">A year</th>
          <th scope="col">A week</th>
        </tr>
      </thead>
      <tbody>
        {budget.streams.map((s) => (
          <tr key={s.stream}>
            <th scope="row">{STREAM_LABELS[s.stream] ?? s.stream}</th>
            <td>{formatPence(s.annualAmountPence)}</td>
            <td>{formatPence(s.weeklyAmountPence)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
