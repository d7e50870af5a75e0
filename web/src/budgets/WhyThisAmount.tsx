import { formatPence } from "../format";

/** The indicative budget's reasons, line by line, as the RAS worked them out. */
export function WhyThisAmount({ lines }: { lines: { text: string; pence: number }[] }) {
  return (
    <details className="ds_details" open>
      <summary className="ds_details__summary">Why this amount, step by step</summary>
      <ol className="ds_details__text">
        {lines.map((line) => (
          <li key={line.text}>{line.text}</li>
        ))}
      </ol>
      <p>In all: {formatPence(lines.reduce((sum, l) => sum + l.pence, 0))} a year.</p>
    </details>
  );
}
