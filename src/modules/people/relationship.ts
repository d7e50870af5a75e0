import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { type RelationshipRules, relationships } from "../../platform/authorisation/relationships";
import { assessmentSignOffReallocations, assessments } from "../assessment/schema";
import { contracts } from "../contracts/schema";
import { users } from "../identity/schema";
import { providerRequests } from "../plans/schema";
import { people, representatives } from "./schema";

/** The plan state in which a provider supports the person: it took the request on. */
export const PROVIDER_SUPPORTING = ["active"] as const;
/** The plan state in which a provider is only asked: it has not answered yet. */
export const PROVIDER_ASKED = ["awaiting-provider"] as const;

const inSubquery = (query: SQL) => sql`${people.id} in (${query})`;

/**
 * THE rules of who stands how to a person, as conditions on the person's row (most specific
 * first). Every access check and every listing scoped to an actor is derived from these.
 */
export const relationshipRules: RelationshipRules = (actor) => {
  switch (actor.role) {
    case "supported-person":
      return actor.personId ? [["self", eq(people.id, actor.personId)]] : [];
    case "representative":
      return [
        [
          "representative",
          inSubquery(
            // An ended authority gives no standing, from the moment it is ended.
            sql`select ${representatives.personId} from ${representatives} where ${and(eq(representatives.userId, actor.userId), isNull(representatives.endedAt))}`,
          ),
        ],
      ];
    case "social-worker":
      return [["allocated-worker", eq(people.allocatedWorkerId, actor.userId)]];
    case "team-manager":
      return [
        ...(actor.teamId
          ? ([
              [
                "team-manager",
                sql`${people.allocatedWorkerId} in (select ${users.id} from ${users} where ${eq(users.teamId, actor.teamId)})`,
              ],
            ] as const)
          : []),
        // Named by an administrator to sign off the person's assessment, still waiting for it.
        [
          "named-reviewer",
          inSubquery(
            sql`select ${assessments.personId} from ${assessmentSignOffReallocations}
              join ${assessments} on ${eq(assessments.id, assessmentSignOffReallocations.assessmentId)}
              where ${and(eq(assessmentSignOffReallocations.managerId, actor.userId), eq(assessments.status, "submitted"))}`,
          ),
        ],
      ];
    case "provider-staff":
      return actor.providerId
        ? [
            ["supporting-provider", supportedBy(actor.providerId)],
            // Asked, not yet supporting: the request's summary only, never the record.
            ["asked-provider", askedOf(actor.providerId)],
          ]
        : [];
    default:
      return [];
  }
};

/** The resolver every route's access check and every scoped listing uses. */
export const personRelationships = relationships(relationshipRules, people, people.id);

/**
 * "This provider supports this person", as a condition on people.id: a request it accepted,
 * or an agreement naming the provider. An agreement's newest version is always in force or
 * awaiting signatures (the provider's among them): none ends yet. A request still awaiting
 * its answer is not support (`askedOf`): up to five providers are asked at once.
 */
export function supportedBy(providerId: string): SQL {
  const requested = sql`select ${providerRequests.personId} from ${providerRequests}
    where ${and(eq(providerRequests.providerId, providerId), inArray(providerRequests.status, [...PROVIDER_SUPPORTING]))}`;
  const agreed = sql`select ${contracts.personId} from ${contracts}
    where ${eq(contracts.providerId, providerId)}`;
  return or(inSubquery(requested), inSubquery(agreed)) as SQL;
}

/** "This provider is asked to support this person": a request to it awaits its answer. */
export function askedOf(providerId: string): SQL {
  return inSubquery(sql`select ${providerRequests.personId} from ${providerRequests}
    where ${and(eq(providerRequests.providerId, providerId), inArray(providerRequests.status, [...PROVIDER_ASKED]))}`);
}
