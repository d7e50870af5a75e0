import type { JourneyFacts } from "../people/stage";
import type { RISK_LEVELS } from "./schema";

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

/** State guard: a decision rests on an assessment a team manager has signed off. */
export function cannotDecide(facts: JourneyFacts): string | null {
  if (!facts.assessment) return "Record an assessment before deciding eligibility.";
  if (facts.assessment !== "approved") {
    return "The assessment must be signed off by a team manager before eligibility is decided.";
  }
  return null;
}
