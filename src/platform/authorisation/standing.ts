import type { Actor } from "../http/actor";
import type { Relationship } from "./policy";

/**
 * How the actor stands in one record a provider is party to (a contract, a request, a return).
 * A provider that supports the person stands only in the records naming it, never the person's
 * others; anyone else stands as they do to the person. The provider named stands as
 * `record.standing` says (a request not yet accepted: "asked-provider"), else as supporting.
 */
export function standingIn(
  actor: Pick<Actor, "role" | "providerId">,
  record: { providerId: string | null; standing?: Relationship },
  toPerson: Relationship,
): Relationship {
  if (actor.role !== "provider-staff") return toPerson;
  return actor.providerId !== null && actor.providerId === record.providerId
    ? (record.standing ?? "supporting-provider")
    : "none";
}
