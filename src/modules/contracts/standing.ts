import { authorise, type Relationship } from "../../platform/authorisation/policy";
import type { Actor } from "../../platform/http/actor";

type Who = Pick<Actor, "role" | "providerId">;

/**
 * How the actor stands in one contract. A provider that supports the person is party only to
 * the contracts naming it, never the person's others; anyone else stands as they do to the person.
 */
export function standingIn(
  actor: Who,
  contract: { providerId: string | null },
  toPerson: Relationship,
): Relationship {
  if (actor.role !== "provider-staff") return toPerson;
  return actor.providerId !== null && actor.providerId === contract.providerId
    ? "supporting-provider"
    : "none";
}

/** Whether one of a person's contracts is the actor's to read: the policy decides, per contract. */
export function mayReadContract(
  actor: Who,
  contract: { providerId: string | null },
  toPerson: Relationship,
) {
  const relationship = standingIn(actor, contract, toPerson);
  return authorise({ role: actor.role, relationship, action: "read", resource: "contract" })
    .allowed;
}
