import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { teamManagersOf } from "../people/store";
import { type Named, signOffWaiting, whoMaySignOff } from "./rules";
import { assessmentSignOffReallocations, type assessments, assessmentVersions } from "./schema";

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
