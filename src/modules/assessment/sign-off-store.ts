import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { invalid } from "../../platform/http/problem";
import { levelsNeedingSignOff, signOffWords } from "../eligibility/rules";
import { currentSignOff } from "../eligibility/store";
import { users } from "../identity/schema";
import { teams } from "../organisation/schema";
import { teamManagersOf } from "../people/store";
import { cannotReview, cannotWithdraw, type Named, signOffWaiting, whoMaySignOff } from "./rules";
import { assessmentSignOffReallocations, assessments, assessmentVersions } from "./schema";
import { type AssessmentRow, findAssessment } from "./store";

/** The manager an administrator last named to sign this assessment off, if any. */
async function namedManager(db: Db, assessmentId: string): Promise<Named | null> {
  const [row] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(assessmentSignOffReallocations)
    .innerJoin(users, eq(users.id, assessmentSignOffReallocations.managerId))
    .where(eq(assessmentSignOffReallocations.assessmentId, assessmentId))
    .orderBy(desc(assessmentSignOffReallocations.reallocatedAt))
    .limit(1);
  return row ?? null;
}

export async function editorsOf(db: Db, assessmentId: string) {
  const rows = await db
    .selectDistinct({ id: assessmentVersions.savedBy })
    .from(assessmentVersions)
    .where(eq(assessmentVersions.assessmentId, assessmentId));
  return rows.map((r) => r.id);
}

/** Who may sign off the assessment, and what its page says while it waits. */
export async function signOffOf(db: Db, row: typeof assessments.$inferSelect) {
  const [author] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, row.recordedBy));
  const facts = {
    authorId: row.recordedBy,
    editorIds: await editorsOf(db, row.id),
    teamManagers: await teamManagersOf(db, row.personId),
    named: await namedManager(db, row.id),
  };
  const mayAct = whoMaySignOff(facts);
  return {
    ...facts,
    author: author as Named,
    mayAct,
    waiting: signOffWaiting(author as Named, mayAct),
  };
}

/**
 * Why the reviewer may not sign off or return the assessment now, or null: read after the
 * lock; while it waits, the refusal says who may act instead.
 */
export async function cannotReviewNow(tx: Db, assessmentId: string, reviewerId: string) {
  const row = await findAssessment(tx, assessmentId);
  const signOff = await signOffOf(tx, row);
  const blocked = cannotReview(
    { status: row.status, authorId: row.recordedBy, editorIds: signOff.editorIds },
    reviewerId,
  );
  if (!blocked) return null;
  return row.status === "submitted" ? `${blocked} ${signOff.waiting}` : blocked;
}

/** Why the assessment cannot be taken back to draft now, or null: read after the lock. */
export async function cannotWithdrawNow(tx: Db, assessmentId: string) {
  return cannotWithdraw((await findAssessment(tx, assessmentId)).status);
}

/** Takes a submitted assessment back to draft. */
export async function withdrawAssessment(tx: Db, assessmentId: string) {
  await tx.update(assessments).set({ status: "draft" }).where(eq(assessments.id, assessmentId));
  return { status: "draft" };
}

/** Every submitted assessment, who may sign each off: no one's personal details. */
export async function signOffsWaiting(db: Db) {
  const waiting = await db
    .select()
    .from(assessments)
    .where(eq(assessments.status, "submitted"))
    .orderBy(assessments.submittedAt);
  const items = [];
  for (const row of waiting) {
    const s = await signOffOf(db, row);
    items.push({
      id: row.id,
      personId: row.personId,
      submittedAt: row.submittedAt,
      author: s.author,
      mayAct: s.mayAct,
      named: s.named,
      waiting: s.waiting,
    });
  }
  return items;
}

/** The council's team managers, any team, who can be named to sign off. */
export function teamManagers(db: Db) {
  return db
    .select({ id: users.id, displayName: users.displayName, team: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.role, "team-manager"))
    .orderBy(users.displayName);
}

/**
 * Why the manager cannot be named to sign off the assessment now (a reason for a 409), or a
 * 400 problem on the field when they are no team manager or wrote or changed it; read after
 * the lock.
 */
export async function cannotReallocate(tx: Db, assessmentId: string, managerId: string) {
  const [manager] = await tx.select().from(users).where(eq(users.id, managerId));
  if (manager?.role !== "team-manager")
    throw invalid([{ path: "managerId", message: "Choose a team manager" }]);
  const row = await findAssessment(tx, assessmentId);
  if (row.status !== "submitted")
    return `Only a submitted assessment waits for sign-off (this one is ${row.status}).`;
  const { author, editorIds } = await signOffOf(tx, row);
  if (managerId === author.id || editorIds.includes(managerId))
    throw invalid([
      { path: "managerId", message: "Choose a manager who neither wrote nor changed it" },
    ]);
  return null;
}

/** Names a team manager (any team) to sign off the assessment; each naming is kept. */
export async function reallocateSignOff(
  tx: Db,
  assessmentId: string,
  naming: { managerId: string; reason: string },
  reallocatedBy: string,
) {
  await tx
    .insert(assessmentSignOffReallocations)
    .values({ assessmentId, ...naming, reallocatedBy });
  const [manager] = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, naming.managerId));
  return { assessmentId, named: manager as Named };
}

/** What the assessment's page says about sign-off; `mayUpdate`: the reader may change it. */
export async function signOffView(db: Db, row: AssessmentRow, mayUpdate: boolean) {
  const signOff = await signOffOf(db, row);
  const setting = await currentSignOff(db);
  return {
    status: row.status,
    setting: signOffWords(setting),
    needed: levelsNeedingSignOff(setting),
    author: signOff.author,
    mayAct: signOff.mayAct,
    waiting: row.status === "submitted" ? signOff.waiting : null,
    // A manager named to sign off may do only that; case holders may take it back.
    canWithdraw: cannotWithdraw(row.status) === null && mayUpdate,
  };
}
