import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { assessments, assessmentVersions, personalOutcomes } from "./schema";

/** The person's latest assessment with its current outcomes and version history. */
export async function latestAssessment(db: Db, personId: string) {
  const [row] = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.personId, personId))
    .orderBy(desc(assessments.recordedAt))
    .limit(1);
  return row ? assessmentById(db, row.id) : null;
}

export async function assessmentById(db: Db, assessmentId: string) {
  const reviewer = alias(users, "reviewer");
  const [row] = await db
    .select({
      assessment: assessments,
      authorName: users.displayName,
      reviewerName: reviewer.displayName,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.recordedBy))
    .leftJoin(reviewer, eq(reviewer.id, assessments.reviewedBy))
    .where(eq(assessments.id, assessmentId));
  if (!row) return null;
  const a = row.assessment;
  const outcomes = await db
    .select({
      id: personalOutcomes.id,
      inOwnWords: personalOutcomes.inOwnWords,
      need: personalOutcomes.need,
      nationalOutcome: personalOutcomes.nationalOutcome,
      talkingPoint: personalOutcomes.talkingPoint,
    })
    .from(personalOutcomes)
    .where(and(eq(personalOutcomes.assessmentId, a.id), eq(personalOutcomes.version, a.version)));
  const versions = await db
    .select({
      version: assessmentVersions.version,
      savedAt: assessmentVersions.savedAt,
      savedById: users.id,
      savedByName: users.displayName,
    })
    .from(assessmentVersions)
    .innerJoin(users, eq(users.id, assessmentVersions.savedBy))
    .where(eq(assessmentVersions.assessmentId, a.id))
    .orderBy(asc(assessmentVersions.version));
  return {
    id: a.id,
    personId: a.personId,
    status: a.status,
    version: a.version,
    summary: a.summary,
    strengths: a.strengths,
    informalSupport: a.informalSupport,
    risks: a.risks,
    participants: a.participants,
    recordedAt: a.recordedAt,
    recordedBy: { id: a.recordedBy, displayName: row.authorName },
    submittedAt: a.submittedAt,
    reviewedAt: a.reviewedAt,
    reviewedBy: a.reviewedBy ? { id: a.reviewedBy, displayName: row.reviewerName ?? "" } : null,
    reviewNote: a.reviewNote,
    outcomes,
    versions: versions.map((v) => ({
      version: v.version,
      savedAt: v.savedAt,
      savedBy: { id: v.savedById, displayName: v.savedByName },
    })),
  };
}

export type AssessmentRecord = NonNullable<Awaited<ReturnType<typeof assessmentById>>>;
