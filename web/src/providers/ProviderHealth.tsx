import { useQuery } from "@tanstack/react-query";
import type { MarketHealth, ProviderHealth as Row } from "../../../src/modules/providers/replies";
import { get } from "../api";
import { Loading, Tag } from "../components/layout";
import { formatDate, PROVIDER_KIND_LABELS } from "../format";

const STATUS = { green: "Green", amber: "Amber", red: "Red" };

/** Every provider's financial health, worst first, with the reasons in words (not colour alone). */
export function ProviderHealth() {
  const rows = useQuery({
    queryKey: ["provider-health"],
    queryFn: () => get<MarketHealth>("/api/market/provider-health").then((r) => r.providers),
  });
  if (!rows.data) return <Loading />;
  const rank = (r: Row) => (r.health ? { red: 0, amber: 1, green: 2 }[r.health.status] : 3);
  const sorted = [...rows.data].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">Provider financial health</h2>
      <table className="ds_table">
        <caption className="visually-hidden">Providers by financial health</caption>
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
            <th scope="col">Next review</th>
            <th scope="col">Contingency plan</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              <td>
                {r.name} ({PROVIDER_KIND_LABELS[r.kind] ?? r.kind})
              </td>
              <td>{r.health ? <Tag>{STATUS[r.health.status]}</Tag> : "Not checked"}</td>
              <td>{r.health?.reasons.join("; ") ?? "No check recorded yet"}</td>
              <td>
                {r.nextReviewDue
                  ? `${formatDate(r.nextReviewDue)}${r.health?.overdue ? " (overdue)" : ""}`
                  : ""}
              </td>
              <td>{r.contingencyPlan ?? "None yet"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
