import { and, asc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit";
import { auditLog } from "../../platform/audit/schema";
import type { Db } from "../../platform/db/client";
import { conflict, notFound } from "../../platform/http/problem";
import { assessments } from "../assessment/schema";
import { budgetEntries } from "../budgets/schema";
import { loginAttempts, sessions, users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { people, representatives } from "../people/schema";
import { planVersions } from "../plans/schema";
import { referrals, selfReferrals } from "../referrals/schema";
import {
  cannotApproveErasure,
  DEFAULT_RETENTION,
  pastRetention,
  pruneCutoffs,
  type RetentionPeriods,
  yearsBefore,
} from "./rules";
import { erasures, retentionSettings } from "./schema";

/** The database error code of a failed statement (drizzle wraps the driver's error). */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

// ---------------------------------------------------------------- retention settings

export async function retentionPeriods(db: Db) {
  const [row] = await db
    .select({
      closedCaseYears: retentionSettings.closedCaseYears,
      signInAttemptDays: retentionSettings.signInAttemptDays,
      expiredSessionDays: retentionSettings.expiredSessionDays,
      selfReferralDays: retentionSettings.selfReferralDays,
      updatedAt: retentionSettings.updatedAt,
      updatedBy: users.displayName,
    })
    .from(retentionSettings)
    .leftJoin(users, eq(users.id, retentionSettings.updatedBy));
  return row ?? { ...DEFAULT_RETENTION, updatedAt: null, updatedBy: null };
}

export async function setRetentionPeriods(tx: Db, periods: RetentionPeriods, by: string) {
  const values = { ...periods, updatedBy: by, updatedAt: sql`now()` };
  await tx
    .insert(retentionSettings)
    .values({ id: true, ...values })
    .onConflictDoUpdate({ target: retentionSettings.id, set: values });
}

// ---------------------------------------------------------------- closed cases and erasure

/**
 * When anything last happened on each person's record: the newest of their record's own dates
 * and every change audited on it (reads and the data protection officer's own work aside).
 */
const lastActivity = sql<string>`greatest(
  ${people.createdAt},
  (select max(${referrals.recordedAt}) from ${referrals} where ${referrals.personId} = ${people.id}),
  (select max(${assessments.recordedAt}) from ${assessments} where ${assessments.personId} = ${people.id}),
  (select max(${budgetEntries.setAt}) from ${budgetEntries} where ${budgetEntries.personId} = ${people.id}),
  (select max(${planVersions.createdAt}) from ${planVersions} where ${planVersions.personId} = ${people.id}),
  (select max(${auditLog.at}) from ${auditLog} where ${auditLog.personId} = ${people.id}
     and ${auditLog.outcome} = 'allowed' and ${auditLog.action} not in ('read', 'list')
     and ${auditLog.resourceType} <> 'data-protection')
)`;

/** People whose case has been quiet past the retention period and not yet erased. */
export async function casesPastRetention(db: Db, years: number, today: string) {
  const cutoff = yearsBefore(today, years);
  const rows = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      lastActivity: sql<string>`(${lastActivity})::text`,
    })
    .from(people)
    .leftJoin(erasures, eq(erasures.personId, people.id))
    .where(and(isNull(erasures.completedAt), sql`(${lastActivity})::date <= ${cutoff}::date`))
    .orderBy(asc(people.familyName), asc(people.givenName));
  return rows.filter((r) => pastRetention(r.lastActivity, today, years));
}

/** Whether one person is past retention (the guard on proposing their erasure). */
export async function isPastRetention(db: Db, personId: string, years: number, today: string) {
  const [row] = await db
    .select({ lastActivity: sql<string>`(${lastActivity})::text` })
    .from(people)
    .where(eq(people.id, personId));
  if (!row) throw notFound("That person");
  return pastRetention(row.lastActivity, today, years);
}

export async function erasureList(db: Db) {
  const proposer = sql`(select display_name from users where id = ${erasures.proposedBy})`;
  const approver = sql`(select display_name from users where id = ${erasures.approvedBy})`;
  return db
    .select({
      id: erasures.id,
      personId: erasures.personId,
      reason: erasures.reason,
      proposedBy: { id: erasures.proposedBy, displayName: sql<string>`${proposer}` },
      proposedAt: erasures.proposedAt,
      approvedBy: sql<string | null>`${approver}`,
      approvedAt: erasures.approvedAt,
      completedAt: erasures.completedAt,
    })
    .from(erasures)
    .orderBy(asc(erasures.proposedAt));
}

export async function findErasure(db: Db, erasureId: string) {
  const [row] = await db.select().from(erasures).where(eq(erasures.id, erasureId));
  if (!row) throw notFound("That erasure");
  return row;
}

/** One erasure per person, held by a unique index (two officers proposing at once: one wins). */
export async function proposeErasure(tx: Db, personId: string, reason: string, by: string) {
  try {
    const [row] = await tx
      .insert(erasures)
      .values({ personId, reason, proposedBy: by })
      .returning({ id: erasures.id });
    return (row as { id: string }).id;
  } catch (error) {
    if (pgCode(error) === "23505")
      throw conflict("An erasure of this person has already been proposed.");
    throw error;
  }
}

/**
 * Approves an erasure and anonymises the person in the same transaction. The database holds
 * the four eyes too (a check constraint): an approver who proposed it is refused, whatever path.
 */
export async function approveErasure(tx: Db, erasureId: string, by: string) {
  const [row] = await tx.select().from(erasures).where(eq(erasures.id, erasureId)).for("update");
  if (!row) throw notFound("That erasure");
  const refused = cannotApproveErasure(row, by);
  if (refused) throw conflict(refused);
  try {
    await tx
      .update(erasures)
      .set({ approvedBy: by, approvedAt: sql`now()` })
      .where(eq(erasures.id, erasureId));
  } catch (error) {
    if (pgCode(error) === "23514")
      throw conflict("You proposed this erasure: a different person must approve it.");
    throw error;
  }
  await tx.execute(sql`select cairn_anonymise_person(${row.personId}::uuid, ${erasureId}::uuid)`);
  return row.personId;
}

// ---------------------------------------------------------------- pruning

export interface Pruned {
  signInAttempts: number;
  sessions: number;
  selfReferrals: number;
}

/**
 * Deletes what is past its retention: sign-in attempts, sessions long expired, self-referrals
 * never accepted; audited as counts (one entry, no personal data), in one transaction.
 */
export async function prune(db: Db, now = new Date()): Promise<Pruned> {
  return db.transaction(async (tx) => {
    const cutoffs = pruneCutoffs(await retentionPeriods(tx), now);
    const attempts = await tx
      .delete(loginAttempts)
      .where(lt(loginAttempts.at, cutoffs.signInAttemptsBefore))
      .returning({ id: loginAttempts.id });
    const gone = await tx
      .delete(sessions)
      .where(lt(sessions.expiresAt, cutoffs.sessionsExpiredBefore))
      .returning({ id: sessions.tokenHash });
    const unaccepted = await tx
      .delete(selfReferrals)
      .where(
        and(
          isNull(selfReferrals.referralId),
          lt(selfReferrals.receivedAt, cutoffs.selfReferralsBefore),
        ),
      )
      .returning({ id: selfReferrals.id });
    const pruned = {
      signInAttempts: attempts.length,
      sessions: gone.length,
      selfReferrals: unaccepted.length,
    };
    await recordAudit(tx, [
      {
        actorUserId: null,
        actorRole: "system",
        action: "prune",
        resourceType: "retention",
        resourceId: null,
        personId: null,
        outcome: "allowed",
        detail: { ...pruned, ...cutoffs },
      },
    ]);
    return pruned;
  });
}

// ---------------------------------------------------------------- finding a person

/** People whose name matches the words, for the data protection officer's search. */
export async function searchPeople(db: Db, search: string) {
  const terms = search.trim().split(/\s+/).filter(Boolean).slice(0, 4);
  if (!terms.length) return [];
  const conditions: SQL[] = terms.map(
    (t) =>
      or(
        ilike(people.givenName, `%${escapeLike(t)}%`),
        ilike(people.familyName, `%${escapeLike(t)}%`),
        eq(people.chi, t),
      ) as SQL,
  );
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      dateOfBirth: people.dateOfBirth,
      locality: localities.name,
    })
    .from(people)
    .innerJoin(localities, eq(localities.id, people.localityId))
    .where(and(...conditions))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(50);
}

const escapeLike = (t: string) => t.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---------------------------------------------------------------- representatives

export async function findRepresentative(db: Db, personId: string, representativeId: string) {
  const [row] = await db
    .select({
      id: representatives.id,
      personId: representatives.personId,
      endedAt: representatives.endedAt,
    })
    .from(representatives)
    .where(and(eq(representatives.id, representativeId), eq(representatives.personId, personId)));
  if (!row) throw notFound("That representative");
  return row;
}

/** Ends the authority: kept, with when, who and why; the relationship rule stops at once. */
export async function endAuthority(
  tx: Db,
  representativeId: string,
  ended: { endedOn: string; reason: string },
  by: string,
) {
  await tx
    .update(representatives)
    .set({
      endedAt: sql`now()`,
      endedOn: ended.endedOn,
      endedBy: by,
      endReason: ended.reason,
    })
    .where(and(eq(representatives.id, representativeId), isNull(representatives.endedAt)));
}

// ---------------------------------------------------------------- caseloads

export const CASE_HOLDING_ROLES = ["social-worker", "team-manager"] as const;

/** Workers who hold cases (a team manager sees their own team's), with the people they hold. */
export async function caseloads(db: Db, teamId: string | null) {
  const workers = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
    })
    .from(users)
    .where(
      and(
        inArray(users.role, [...CASE_HOLDING_ROLES]),
        teamId ? eq(users.teamId, teamId) : undefined,
      ),
    )
    .orderBy(asc(users.displayName));
  const held = workers.length
    ? await db
        .select({
          id: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          workerId: people.allocatedWorkerId,
        })
        .from(people)
        .where(
          inArray(
            people.allocatedWorkerId,
            workers.map((w) => w.id),
          ),
        )
        .orderBy(asc(people.familyName), asc(people.givenName))
    : [];
  return workers.map((w) => ({
    ...w,
    people: held
      .filter((p) => p.workerId === w.id)
      .map(({ id, givenName, familyName }) => ({ id, givenName, familyName })),
  }));
}

export async function findWorker(db: Db, id: string, path: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, teamId: users.teamId })
    .from(users)
    .where(eq(users.id, id));
  if (!row) throw notFound(path === "fromWorkerId" ? "The worker leaving" : "The worker receiving");
  return row;
}

/**
 * Moves the people allocated to one worker (all, or those chosen) to another, in the caller's
 * transaction: each person's row is locked, in id order, so the move never interleaves with a
 * change on their journey. Returns the people moved; someone chosen who is not (or no longer)
 * on the leaver's caseload is a conflict, and nothing moves.
 */
export async function moveCaseload(
  tx: Db,
  fromWorkerId: string,
  toWorkerId: string,
  personIds: string[] | undefined,
) {
  const locked = await tx
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.allocatedWorkerId, fromWorkerId),
        personIds ? inArray(people.id, personIds) : undefined,
      ),
    )
    .orderBy(asc(people.id))
    .for("update");
  const moving = locked.map((p) => p.id);
  if (personIds) {
    const missing = personIds.filter((id) => !moving.includes(id));
    if (missing.length)
      throw conflict(
        `${missing.length === 1 ? "One person chosen is" : `${missing.length} people chosen are`} not on this worker's caseload now.`,
      );
  }
  if (moving.length)
    await tx
      .update(people)
      .set({ allocatedWorkerId: toWorkerId })
      .where(inArray(people.id, moving));
  return moving;
}
