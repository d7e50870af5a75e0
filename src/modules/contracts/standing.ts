import { authorise, type Relationship } from "../../platform/authorisation/policy";
import { standingIn } from "../../platform/authorisation/standing";
import type { Actor } from "../../platform/http/actor";

/** Whether one of a person's contracts is the actor's to read: the policy decides, per contract. */
export function mayReadContract(
  actor: Pick<Actor, "role" | "providerId">,
  contract: { providerId: string | null },
  toPerson: Relationship,
) {
  const relationship = standingIn(actor, contract, toPerson);
  return authorise({ role: actor.role, relationship, action: "read", resource: "contract" })
    .allowed;
}
