import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import {
  DEFAULT_CRITERIA,
  DEFAULT_PUBLISHED_TEXT,
  DEFAULT_SIGN_OFF,
  type SignOffSetting,
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
