import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { assessments, personalOutcomes } from "./schema";

export async function latestAssessment(db: Db, personId: string) {
  const [row] = await db
    .select({
      id: assessments.id,
      summary: assessments.summary,
      strengths: assessments.strengths,
      recordedAt: assessments.recordedAt,
      byId: users.id,
      byName: users.displayName,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.recordedBy))
    .where(eq(assessments.personId, personId))
    .orderBy(desc(assessments.recordedAt))
    .limit(1);
  if (!row) return null;
  const outcomes = await db
    .select({
      id: personalOutcomes.id,
      inOwnWords: personalOutcomes.inOwnWords,
      need: personalOutcomes.need,
      nationalOutcome: personalOutcomes.nationalOutcome,
    })
    .from(personalOutcomes)
    .where(eq(personalOutcomes.assessmentId, row.id));
  const { byId, byName, ...assessment } = row;
  return { ...assessment, recordedBy: { id: byId, displayName: byName }, outcomes };
}
