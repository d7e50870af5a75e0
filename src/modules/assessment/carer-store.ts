import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { Problem } from "../../platform/http/problem";
import { users } from "../identity/schema";
import { carerPlanKind } from "./carers";
import { carerAssessments } from "./schema";

export async function carerAssessmentsFor(db: Db, personId: string) {
  const rows = await db
    .select({ assessment: carerAssessments, byName: users.displayName })
    .from(carerAssessments)
    .innerJoin(users, eq(users.id, carerAssessments.recordedBy))
    .where(eq(carerAssessments.personId, personId))
    .orderBy(desc(carerAssessments.recordedAt));
  return rows.map(({ assessment: { recordedBy, personId: _, ...a }, byName }) => ({
    ...a,
    recordedBy: { id: recordedBy, displayName: byName },
  }));
}

type NewCarerAssessment = Omit<
  typeof carerAssessments.$inferInsert,
  "id" | "kind" | "personId" | "recordedBy" | "recordedAt"
> & { carerDateOfBirth: string; atSchool: boolean };

/** Records a carer's own assessment: its kind follows from the carer's age today and school. */
export async function recordCarerAssessment(
  tx: Db,
  personId: string,
  { atSchool, ...carer }: NewCarerAssessment,
  recordedBy: string,
) {
  const today = new Date().toISOString().slice(0, 10);
  const kind = carerPlanKind(carer.carerDateOfBirth, today, atSchool);
  const [row] = await tx
    .insert(carerAssessments)
    .values({ ...carer, kind, personId, recordedBy })
    .returning({ id: carerAssessments.id });
  if (!row) throw new Problem(500, "Not saved", "The carer's assessment could not be saved.");
  return { id: row.id, kind };
}
