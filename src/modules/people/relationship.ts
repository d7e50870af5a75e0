import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Relationship } from "../../platform/authorisation/policy";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { notFound } from "../../platform/http/problem";
import { assessmentSignOffReallocations, assessments } from "../assessment/schema";
import { contracts } from "../contracts/schema";
import { users } from "../identity/schema";
import { supportPlans } from "../plans/schema";
import { people, representatives } from "./schema";

/** Plan states in which a provider is working with the person (asked, or delivering). */
export const PROVIDER_ENGAGED = ["awaiting-provider", "active"] as const;

/** Works out how the actor stands to the person; 404 when there is no such person. */
export async function relationshipTo(
  db: Db,
  actor: Actor,
  personId: string,
): Promise<Relationship> {
  const [person] = await db
    .select({ id: people.id, workerId: people.allocatedWorkerId, workerTeamId: users.teamId })
    .from(people)
    .leftJoin(users, eq(users.id, people.allocatedWorkerId))
    .where(eq(people.id, personId));
  if (!person) throw notFound("That person");
  switch (actor.role) {
    case "supported-person":
      return actor.personId === personId ? "self" : "none";
    case "representative":
      return (await isRepresentative(db, actor.userId, personId)) ? "representative" : "none";
    case "social-worker":
      return person.workerId === actor.userId ? "allocated-worker" : "none";
    case "team-manager":
      if (actor.teamId && person.workerTeamId === actor.teamId) return "team-manager";
      return (await namedToSignOff(db, actor.userId, personId)) ? "named-reviewer" : "none";
    case "provider-staff":
      return actor.providerId && (await providerSupports(db, actor.providerId, personId))
        ? "supporting-provider"
        : "none";
    default:
      return "none";
  }
}

/** Named by an administrator to sign off the person's assessment, still waiting for it. */
async function namedToSignOff(db: Db, managerId: string, personId: string) {
  const rows = await db
    .select({ id: assessmentSignOffReallocations.id })
    .from(assessmentSignOffReallocations)
    .innerJoin(assessments, eq(assessments.id, assessmentSignOffReallocations.assessmentId))
    .where(
      and(
        eq(assessmentSignOffReallocations.managerId, managerId),
        eq(assessments.personId, personId),
        eq(assessments.status, "submitted"),
      ),
    );
  return rows.length > 0;
}

async function isRepresentative(db: Db, userId: string, personId: string) {
  const rows = await db
    .select({ id: representatives.id })
    .from(representatives)
    .where(and(eq(representatives.userId, userId), eq(representatives.personId, personId)));
  return rows.length > 0;
}

/**
 * "This provider supports this person", as a condition on people.id: a request awaiting the
 * provider or accepted, or an agreement naming the provider. An agreement's newest version is
 * always in force or awaiting signatures (the provider's among them): none ends yet. The one
 * definition for relationshipTo and the provider's people list, so they cannot drift.
 */
export function supportedBy(providerId: string): SQL {
  const requested = sql`select ${supportPlans.personId} from ${supportPlans}
    where ${and(eq(supportPlans.providerId, providerId), inArray(supportPlans.status, [...PROVIDER_ENGAGED]))}`;
  const agreed = sql`select ${contracts.personId} from ${contracts}
    where ${eq(contracts.providerId, providerId)}`;
  return or(sql`${people.id} in (${requested})`, sql`${people.id} in (${agreed})`) as SQL;
}

async function providerSupports(db: Db, providerId: string, personId: string) {
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.id, personId), supportedBy(providerId)));
  return rows.length > 0;
}
