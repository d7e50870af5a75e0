import { useQuery } from "@tanstack/react-query";
import { get } from "../api";
import { formatPence } from "../format";

interface Pool {
  id: string;
  name: string;
  description: string;
  members: number;
  yourAnnualSharePence: number;
}

/** Support shared with others: the person sees their own share, never who the others are. */
export function Pools({ personId, own }: { personId: string; own: boolean }) {
  const pools = useQuery({
    queryKey: ["pools", personId],
    queryFn: () => get<{ pools: Pool[] }>(`/api/people/${personId}/pools`).then((r) => r.pools),
  });
  if (!pools.data?.length) return null;
  return (
    <section aria-labelledby="pools">
      <h2 id="pools">Support shared with others</h2>
      <ul>
        {pools.data.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>: {p.description}. Shared by {p.members} people;{" "}
            {own ? "your" : "this person's"} share is {formatPence(p.yourAnnualSharePence)}.
          </li>
        ))}
      </ul>
    </section>
  );
}
