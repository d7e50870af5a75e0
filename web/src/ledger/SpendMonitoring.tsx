import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { SpendMonitoring as Monitoring } from "../../../src/modules/ledger/replies";
import { get } from "../api";
import { TextInput } from "../components/fields";
import { formatPence } from "../format";
import { ReclaimForm } from "./ReclaimForm";

/** Finance: Option 1 and 2 spend against budget, and the flags worth a conversation. */
export function SpendMonitoring() {
  const [asOf, setAsOf] = useState(new Date().toISOString().slice(0, 7));
  const valid = /^20\d\d-(0[1-9]|1[0-2])$/.test(asOf);
  const data = useQuery({
    queryKey: ["monitoring", asOf],
    enabled: valid,
    queryFn: () => get<Monitoring>(`/api/money/monitoring?asOf=${asOf}`),
  });
  const flagged = (data.data?.funds ?? []).filter((f) => f.flags.length > 0);
  return (
    <section aria-labelledby="monitoring">
      <h2 id="monitoring">Spend monitoring</h2>
      <TextInput
        id="monitoring-as-of"
        label="Up to the month"
        hint="Like 2026-12"
        value={asOf}
        onChange={setAsOf}
      />
      <h3>To talk about</h3>
      {flagged.length === 0 ? (
        <p>Nothing flagged.</p>
      ) : (
        <ul>
          {flagged.map((f) => (
            <li key={f.fund}>
              <strong>{f.fund}</strong>: {f.flags.map((x) => x.message).join(" ")}
            </li>
          ))}
        </ul>
      )}
      <ReclaimForm funds={data.data?.funds ?? []} />
      {(
        [
          ["Area", data.data?.byLocality],
          ["Provider", data.data?.byProvider],
          ["Care group", data.data?.byCareGroup],
        ] as const
      ).map(([label, groups]) => (
        <table className="ds_table" key={label}>
          <caption>Spend against budget by {label.toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">{label}</th>
              <th scope="col">People</th>
              <th scope="col">Funds</th>
              <th scope="col">Paid in</th>
              <th scope="col">Spent</th>
            </tr>
          </thead>
          <tbody>
            {(groups ?? []).map((g) => (
              <tr key={g.name}>
                <th scope="row">{g.name}</th>
                <td>{g.people}</td>
                <td>{g.funds}</td>
                <td>{formatPence(g.inPence)}</td>
                <td>{formatPence(g.spentPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
