import { useQuery } from "@tanstack/react-query";
import type { AwaitingReviewList } from "../../../src/modules/assessment/replies";
import { get } from "../api";
import { formatDate } from "../format";
import { Link } from "../router";

/** The team's submitted assessments, for the manager to sign off. */
export function AwaitingSignOff() {
  const waiting = useQuery({
    queryKey: ["assessments", "awaiting-review"],
    queryFn: () =>
      get<AwaitingReviewList>("/api/assessments/awaiting-review").then((r) => r.assessments),
  });
  return (
    <section aria-labelledby="sign-off-title">
      <h2 id="sign-off-title">Assessments waiting for your sign-off</h2>
      {waiting.data?.length ? (
        <ul>
          {waiting.data.map((a) => (
            <li key={a.id}>
              <Link href={`/people/${a.person.id}`}>
                {a.person.givenName} {a.person.familyName}
              </Link>
              : version {a.version} by {a.author.displayName}, submitted {formatDate(a.submittedAt)}
            </li>
          ))}
        </ul>
      ) : (
        <p>None waiting.</p>
      )}
    </section>
  );
}
