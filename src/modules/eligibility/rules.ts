import type { JourneyFacts } from "../people/stage";
import { RISK_LEVELS, type SIGN_OFF_RULES } from "./levels";

export type RiskLevel = (typeof RISK_LEVELS)[number];

/** A council's published criteria: which National Eligibility Framework levels it funds. */
export interface EligibilityCriteria {
  fundedLevels: readonly RiskLevel[];
}

/** Most Scottish councils fund critical and substantial risk (NEF 2009). */
export const DEFAULT_CRITERIA: EligibilityCriteria = { fundedLevels: ["critical", "substantial"] };
export const DEFAULT_PUBLISHED_TEXT =
  "We fund support where there is a critical or substantial risk to your independence or wellbeing. " +
  "Whatever we decide, we will tell you why and point you to help in your community.";

export function isEligible(riskLevel: RiskLevel, criteria: EligibilityCriteria = DEFAULT_CRITERIA) {
  return criteria.fundedLevels.includes(riskLevel);
}

/** The council's setting for when a team manager signs off an assessment. */
export interface SignOffSetting {
  rule: (typeof SIGN_OFF_RULES)[number];
  /** With "from-level": sign-off when the risk is at this level or higher. */
  fromLevel: RiskLevel | null;
}

/** Until a council sets otherwise, every assessment is signed off (as before the setting). */
export const DEFAULT_SIGN_OFF: SignOffSetting = { rule: "always", fromLevel: null };

/** The levels whose decision needs a signed-off assessment (RISK_LEVELS runs highest first). */
export function levelsNeedingSignOff(setting: SignOffSetting): RiskLevel[] {
  if (setting.rule === "always") return [...RISK_LEVELS];
  if (setting.rule === "never" || !setting.fromLevel) return [];
  return RISK_LEVELS.slice(0, RISK_LEVELS.indexOf(setting.fromLevel) + 1);
}

/** The setting in words, for the assessment page and the administrator. */
export function signOffWords(setting: SignOffSetting): string {
  const levels = levelsNeedingSignOff(setting);
  if (levels.length === RISK_LEVELS.length)
    return "A team manager signs off every assessment before eligibility is decided.";
  if (levels.length === 0)
    return "Assessments are not signed off by a team manager: the social worker decides eligibility once the assessment is submitted.";
  return `A team manager signs off the assessment before a decision of ${levels.join(" or ")} risk; other decisions are made once it is submitted.`;
}

/**
 * State guard: a decision rests on a submitted assessment, signed off by a team manager when
 * the council's setting asks it for the risk level decided (a "completed" one was not).
 */
export function cannotDecide(
  facts: JourneyFacts,
  setting: SignOffSetting,
  riskLevel: RiskLevel,
): string | null {
  if (!facts.assessment) return "Record an assessment before deciding eligibility.";
  if (facts.assessment === "approved") return null;
  if (facts.assessment === "draft" || facts.assessment === "returned")
    return "Submit the assessment before deciding eligibility.";
  if (!levelsNeedingSignOff(setting).includes(riskLevel)) return null;
  return facts.assessment === "submitted"
    ? `The assessment must be signed off by a team manager before a decision of ${riskLevel} risk. ${signOffWords(setting)}`
    : `A decision of ${riskLevel} risk needs a signed-off assessment, and this one was completed without sign-off: start a new assessment.`;
}
