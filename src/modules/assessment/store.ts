import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client";
import { invalid, notFound, Problem } from "../../platform/http/problem";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import {
  type AssessmentContent,
  cannotChange,
  cannotStartAnother,
  incompleteForSubmission,
} from "./rules";
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

export type AssessmentRow = typeof assessments.$inferSelect;

/** The assessment as stored (a 404 problem when there is none). */
export async function findAssessment(db: Db, assessmentId: string): Promise<AssessmentRow> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
  if (!row) throw notFound("That assessment");
  return row;
}

/** Why no new assessment can be started for the person now, or null. */
export async function cannotStartFor(db: Db, personId: string) {
  return cannotStartAnother((await latestAssessment(db, personId))?.status ?? null);
}

/** Why the draft cannot be changed (saved or submitted) now, or null: read after the lock. */
export async function cannotChangeNow(tx: Db, assessmentId: string) {
  return cannotChange((await findAssessment(tx, assessmentId)).status);
}

/** Writes a version: the current content on the assessment, a frozen copy, and its outcomes. */
async function saveVersion(
  tx: Db,
  assessmentId: string,
  version: number,
  content: AssessmentContent,
  savedBy: string,
) {
  const { outcomes, ...fields } = content;
  await tx
    .update(assessments)
    .set({ ...fields, version, status: "draft" })
    .where(eq(assessments.id, assessmentId));
  await tx.insert(assessmentVersions).values({ assessmentId, version, content, savedBy });
  if (outcomes.length > 0) {
    await tx.insert(personalOutcomes).values(
      outcomes.map((o) => ({
        ...o,
        assessmentId,
        version,
        nationalOutcome: o.nationalOutcome || null,
        talkingPoint: o.talkingPoint || null,
      })),
    );
  }
}

/** Starts an assessment for the person: a draft, version 1. */
export async function startAssessment(
  tx: Db,
  personId: string,
  content: AssessmentContent,
  recordedBy: string,
) {
  const [row] = await tx
    .insert(assessments)
    .values({ personId, summary: "", recordedBy })
    .returning({ id: assessments.id });
  if (!row) throw new Problem(500, "Not saved", "The assessment could not be saved.");
  await saveVersion(tx, row.id, 1, content, recordedBy);
  return { assessmentId: row.id, version: 1, status: "draft" };
}

/** Saves the draft again as the next version (earlier ones are kept). */
export async function saveDraft(
  tx: Db,
  assessmentId: string,
  content: AssessmentContent,
  savedBy: string,
) {
  const row = await findAssessment(tx, assessmentId);
  const version = row.version + 1;
  await saveVersion(tx, row.id, version, content, savedBy);
  return { assessmentId: row.id, version, status: "draft" };
}

/**
 * Submits the assessment for sign-off: the saved version (the record of what was typed,
 * blanks included) must be complete, else a 400 problem naming what is missing.
 */
export async function submitAssessment(tx: Db, assessmentId: string) {
  const row = await findAssessment(tx, assessmentId);
  const [saved] = await tx
    .select({ content: assessmentVersions.content })
    .from(assessmentVersions)
    .where(
      and(eq(assessmentVersions.assessmentId, row.id), eq(assessmentVersions.version, row.version)),
    );
  const errors = saved ? incompleteForSubmission(saved.content) : [];
  if (errors.length > 0) throw invalid(errors);
  await tx
    .update(assessments)
    .set({ status: "submitted", submittedAt: new Date().toISOString() })
    .where(eq(assessments.id, row.id));
  return { version: row.version };
}

/** Signs off or returns a submitted assessment. */
export async function reviewAssessment(
  tx: Db,
  assessmentId: string,
  review: { decision: "approve" | "return"; note: string },
  reviewedBy: string,
) {
  const row = await findAssessment(tx, assessmentId);
  const status = review.decision === "approve" ? "approved" : "returned";
  await tx
    .update(assessments)
    .set({ status, reviewedBy, reviewedAt: new Date().toISOString(), reviewNote: review.note })
    .where(eq(assessments.id, row.id));
  return { status, version: row.version };
}

/** Submitted assessments of the people in `personIds` (a subquery), oldest submission first. */
export async function awaitingReview(db: Db, personIds: SQL) {
  const rows = await db
    .select({
      id: assessments.id,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      submittedAt: assessments.submittedAt,
      version: assessments.version,
      authorId: users.id,
      authorName: users.displayName,
    })
    .from(assessments)
    .innerJoin(people, eq(people.id, assessments.personId))
    .innerJoin(users, eq(users.id, assessments.recordedBy))
    .where(and(eq(assessments.status, "submitted"), inArray(people.id, personIds)))
    .orderBy(assessments.submittedAt);
  return rows.map(({ authorId, authorName, personId, givenName, familyName, ...r }) => ({
    ...r,
    person: { id: personId, givenName, familyName },
    author: { id: authorId, displayName: authorName },
  }));
}
