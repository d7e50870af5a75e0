import type { PersonSummary } from "../../../src/modules/people/replies";
import { Tag } from "../components/layout";
import { formatDate, STAGE_LABELS } from "../format";
import { Link } from "../router";
import { fullName } from "./queries";

export function CaseloadTable({
  people,
  showWorker,
}: {
  people: PersonSummary[];
  showWorker?: boolean;
}) {
  if (people.length === 0) return <p>No one yet.</p>;
  return (
    <table className="ds_table">
      <caption className="visually-hidden">People and where they are on their journey</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Date of birth</th>
          <th scope="col">Locality</th>
          {showWorker && <th scope="col">Social worker</th>}
          <th scope="col">Stage</th>
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <td>
              <Link href={`/people/${p.id}`}>{fullName(p)}</Link>
            </td>
            <td>{formatDate(p.dateOfBirth)}</td>
            <td>{p.locality.name}</td>
            {showWorker && <td>{p.allocatedWorker?.displayName ?? "Not allocated"}</td>}
            <td>
              <Tag>{STAGE_LABELS[p.stage] ?? p.stage}</Tag>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
