import { useQuery } from "@tanstack/react-query";
import { get } from "../api";

interface Signpost {
  id: string;
  name: string;
  description: string;
  contact: string;
}

/** Community and universal supports that fit the person's outcomes and locality. */
export function Signposts({ personId }: { personId: string }) {
  const signposts = useQuery({
    queryKey: ["people", personId, "signposts"],
    queryFn: () =>
      get<{ signposts: Signpost[] }>(`/api/people/${personId}/signposts`).then((r) => r.signposts),
  });
  return (
    <section aria-labelledby={`signposts-${personId}`}>
      <h3 id={`signposts-${personId}`}>Places that can help</h3>
      {signposts.data?.length ? (
        <ul>
          {signposts.data.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>. {s.description} {s.contact}.
            </li>
          ))}
        </ul>
      ) : (
        <p>Ask your social worker about groups and services near you.</p>
      )}
    </section>
  );
}
