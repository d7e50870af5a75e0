import { Checkbox } from "../components/fields";
import { formatDate } from "../format";

export interface Match {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  locality: string;
  reasons: string[];
}

/** Records that may be this person, shown before a new one is made. */
export function PossibleDuplicates({
  matches,
  confirmed,
  onConfirm,
}: {
  matches?: Match[];
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}) {
  if (!matches?.length) return null;
  return (
    <section className="ds_inset-text" aria-labelledby="matches-title">
      <h2 id="matches-title">This person may already be recorded</h2>
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            <strong>
              {m.givenName} {m.familyName}
            </strong>
            , born {formatDate(m.dateOfBirth)}, {m.locality}: {m.reasons.join("; ")}
          </li>
        ))}
      </ul>
      <Checkbox
        id="confirmedNew"
        label="None of these is the person: record someone new"
        checked={confirmed}
        onChange={onConfirm}
      />
    </section>
  );
}
