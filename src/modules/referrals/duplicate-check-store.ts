import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { isCertainMatch } from "../people/duplicates";
import { possibleDuplicates } from "../people/store";
import { recordReferral } from "./record-referral";
import { type CheckDecision, notAMatch } from "./rules";
import { type CheckedReferral, duplicateChecks, referrals } from "./schema";

/**
 * A worker asks for the possible duplicates of a referral to be checked: the referral is kept
 * with the people it matched, for a team manager of their team or an administrator to decide.
 */
export async function askForCheck(tx: Db, referral: CheckedReferral, requestedBy: string) {
  const [locality] = await tx
    .select({ id: localities.id })
    .from(localities)
    .where(eq(localities.id, referral.person.localityId));
  if (!locality)
    throw invalid([{ path: "person.localityId", message: "Choose a locality from the list" }]);
  const matches = await possibleDuplicates(tx, referral.person);
  if (matches.some((m) => isCertainMatch(m.reasons)))
    throw conflict("A person with this CHI number is already recorded.", [
      { path: "person.chi", message: "A person with this CHI number is already recorded" },
    ]);
  if (matches.length === 0)
    throw conflict("No one like this is recorded: record the referral as someone new.");
  const [row] = await tx
    .insert(duplicateChecks)
    .values({ requestedBy, referral, matchIds: matches.map((m) => m.id) })
    .returning({ id: duplicateChecks.id });
  if (!row) throw new Problem(500, "Not saved", "The check could not be saved.");
  return { checkId: row.id, possibleMatches: matches.length };
}

/** The open checks an actor reviews: an administrator all, a team manager their team's. */
export async function openChecks(db: Db, actor: Actor) {
  const requester = users;
  const where: SQL[] = [eq(duplicateChecks.status, "open")];
  if (actor.role !== "administrator")
    where.push(actor.teamId ? eq(requester.teamId, actor.teamId) : sql`false`);
  const rows = await db
    .select({
      id: duplicateChecks.id,
      referral: duplicateChecks.referral,
      matchIds: duplicateChecks.matchIds,
      requestedAt: duplicateChecks.requestedAt,
      requestedBy: requester.displayName,
    })
    .from(duplicateChecks)
    .innerJoin(requester, eq(requester.id, duplicateChecks.requestedBy))
    .where(and(...where))
    .orderBy(desc(duplicateChecks.requestedAt));
  const result = [];
  for (const row of rows) {
    const { person } = row.referral;
    const [locality] = await db
      .select({ name: localities.name })
      .from(localities)
      .where(eq(localities.id, person.localityId));
    const matches = (await possibleDuplicates(db, person)).filter((m) =>
      row.matchIds.includes(m.id),
    );
    result.push({
      id: row.id,
      requestedAt: row.requestedAt,
      requestedBy: row.requestedBy,
      person: {
        givenName: person.givenName,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth,
        locality: locality?.name ?? "",
      },
      matches: matches.map(({ id, givenName, familyName, dateOfBirth, locality, reasons }) => ({
        id,
        givenName,
        familyName,
        dateOfBirth,
        locality: locality.name,
        reasons,
      })),
    });
  }
  return result;
}

/**
 * One check, with how the actor stands to it: a team manager only to their own team's
 * (`team-manager`), an administrator to any.
 */
export async function findCheck(db: Db, actor: Actor, checkId: string) {
  const [row] = await db
    .select({ check: duplicateChecks, teamId: users.teamId })
    .from(duplicateChecks)
    .innerJoin(users, eq(users.id, duplicateChecks.requestedBy))
    .where(eq(duplicateChecks.id, checkId));
  if (!row) throw notFound("That check");
  const ownTeam = actor.teamId !== null && row.teamId === actor.teamId;
  return {
    ...row.check,
    personId: null,
    relationship: ownTeam ? ("team-manager" as const) : ("none" as const),
  };
}

/** The check's status, its row locked for the decision. */
export async function lockedStatus(tx: Db, checkId: string) {
  const [row] = await tx
    .select({ status: duplicateChecks.status })
    .from(duplicateChecks)
    .where(eq(duplicateChecks.id, checkId))
    .for("update");
  return row?.status ?? "open";
}

/**
 * The decision (the check locked): the same person, the referral is added to their record; a
 * different person, recorded now, held by the worker who asked. Either way, recorded once.
 */
export async function decideCheck(
  tx: Db,
  check: typeof duplicateChecks.$inferSelect,
  decision: CheckDecision,
  decidedBy: string,
) {
  const problem = notAMatch(check.matchIds, decision);
  if (problem) throw invalid([{ path: "personId", message: problem }]);
  const { referral } = check;
  let ids: { personId: string; referralId: string };
  if (decision.decision === "same-person") {
    const [row] = await tx
      .insert(referrals)
      .values({
        personId: decision.personId,
        source: referral.source,
        urgency: referral.urgency,
        reason: referral.reason,
        recordedBy: check.requestedBy,
      })
      .returning({ id: referrals.id });
    if (!row) throw new Problem(500, "Not saved", "The referral could not be recorded.");
    ids = { personId: decision.personId, referralId: row.id };
  } else {
    ids = await recordReferral(tx, { ...referral, confirmedNew: true }, check.requestedBy);
  }
  await tx
    .update(duplicateChecks)
    .set({
      status: decision.decision,
      decidedBy,
      decidedAt: new Date().toISOString(),
      referralId: ids.referralId,
    })
    .where(and(eq(duplicateChecks.id, check.id), inArray(duplicateChecks.status, ["open"])));
  return { decision: decision.decision, ...ids };
}
