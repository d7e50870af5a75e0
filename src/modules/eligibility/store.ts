import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, Problem } from "../../platform/http/problem";
import { assessments } from "../assessment/schema";
import { latestAssessment } from "../assessment/store";
import { users } from "../identity/schema";
import { journeyFactsOf } from "../people/store";
import {
  cannotDecide,
  DEFAULT_CRITERIA,
  DEFAULT_PUBLISHED_TEXT,
  DEFAULT_SIGN_OFF,
  isEligible,
  type RiskLevel,
  type SignOffSetting,
  signOffWords,
} from "./rules";
import { assessmentSignOffSettings, eligibilityCriteria, eligibilityDecisions } from "./schema";

export async function latestDecision(db: Db, personId: string) {
  const [row] = await db
    .select({
      id: eligibilityDecisions.id,
      riskLevel: eligibilityDecisions.riskLevel,
      eligible: eligibilityDecisions.eligible,
      reasons: eligibilityDecisions.reasons,
      decidedAt: eligibilityDecisions.decidedAt,
      byId: users.id,
      byName: users.displayName,
    })
    .from(eligibilityDecisions)
    .innerJoin(users, eq(users.id, eligibilityDecisions.decidedBy))
    .where(eq(eligibilityDecisions.personId, personId))
    .orderBy(desc(eligibilityDecisions.decidedAt))
    .limit(1);
  if (!row) return null;
  const { byId, byName, ...decision } = row;
  return { ...decision, decidedBy: { id: byId, displayName: byName } };
}

/** The criteria in force: the newest published, or the built-in default before any is. */
export async function currentCriteria(db: Db) {
  const [row] = await db
    .select()
    .from(eligibilityCriteria)
    .orderBy(desc(eligibilityCriteria.setAt))
    .limit(1);
  if (row)
    return {
      id: row.id as string | null,
      fundedLevels: row.fundedLevels,
      publishedText: row.publishedText,
      setAt: row.setAt as string | null,
    };
  return {
    id: null,
    fundedLevels: [...DEFAULT_CRITERIA.fundedLevels],
    publishedText: DEFAULT_PUBLISHED_TEXT,
    setAt: null,
  };
}

/** The council's sign-off setting in force: the newest set, or "always" before any is. */
export async function currentSignOff(
  db: Db,
): Promise<SignOffSetting & { setAt: string | null; setBy: string | null }> {
  const [row] = await db
    .select({
      rule: assessmentSignOffSettings.rule,
      fromLevel: assessmentSignOffSettings.fromLevel,
      setAt: assessmentSignOffSettings.setAt,
      setBy: users.displayName,
    })
    .from(assessmentSignOffSettings)
    .innerJoin(users, eq(users.id, assessmentSignOffSettings.setBy))
    .orderBy(desc(assessmentSignOffSettings.setAt), desc(assessmentSignOffSettings.id))
    .limit(1);
  return row ?? { ...DEFAULT_SIGN_OFF, setAt: null, setBy: null };
}

/**
 * Why an eligibility decision at this risk level cannot be recorded for the person now, or
 * null: the journey and the council's sign-off setting allow it, and there is an assessment.
 */
export async function cannotDecideNow(tx: Db, personId: string, riskLevel: RiskLevel) {
  const setting = await currentSignOff(tx);
  const blocked = cannotDecide(await journeyFactsOf(tx, personId), setting, riskLevel);
  if (blocked) return blocked;
  if (!(await latestAssessment(tx, personId)))
    return "Record an assessment before deciding eligibility.";
  return null;
}

/** Records the decision on the person's latest assessment, under the criteria in force. */
export async function decideEligibility(
  tx: Db,
  personId: string,
  decision: { riskLevel: RiskLevel; reasons: string },
  decidedBy: string,
) {
  const setting = await currentSignOff(tx);
  const assessment = await latestAssessment(tx, personId);
  if (!assessment) throw conflict("Record an assessment before deciding eligibility.");
  // Decided on without sign-off, as the setting allows: it is final, and no longer waits.
  if (assessment.status === "submitted")
    await tx
      .update(assessments)
      .set({ status: "completed" })
      .where(eq(assessments.id, assessment.id));
  const criteria = await currentCriteria(tx);
  const eligible = isEligible(decision.riskLevel, criteria);
  const [row] = await tx
    .insert(eligibilityDecisions)
    .values({
      ...decision,
      eligible,
      personId,
      assessmentId: assessment.id,
      criteriaId: criteria.id,
      decidedBy,
    })
    .returning({ id: eligibilityDecisions.id });
  if (!row) throw new Problem(500, "Not saved", "The decision could not be saved.");
  return { id: row.id, eligible, criteriaId: criteria.id, signOff: setting.rule };
}

/** Publishes new eligibility criteria; earlier ones are kept. */
export async function publishCriteria(
  tx: Db,
  criteria: { fundedLevels: RiskLevel[]; publishedText: string },
  setBy: string,
) {
  const [created] = await tx
    .insert(eligibilityCriteria)
    .values({ ...criteria, setBy })
    .returning();
  if (!created) throw new Problem(500, "Not saved", "The criteria could not be saved.");
  return {
    id: created.id,
    fundedLevels: created.fundedLevels,
    publishedText: created.publishedText,
    setAt: created.setAt,
  };
}

/** The sign-off setting in force, with its words for the page. */
export async function signOffSetting(db: Db) {
  const setting = await currentSignOff(db);
  return { ...setting, words: signOffWords(setting) };
}

/** Sets when a team manager signs off an assessment; earlier settings are kept. */
export async function setSignOff(tx: Db, setting: SignOffSetting, setBy: string) {
  const [row] = await tx
    .insert(assessmentSignOffSettings)
    .values({ ...setting, setBy })
    .returning({ id: assessmentSignOffSettings.id });
  return row?.id ?? null;
}
