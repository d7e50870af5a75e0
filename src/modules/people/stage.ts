import type { AssessmentStatus } from "../assessment/vocabulary";
import type { PlanStatus } from "../plans/statuses";

export const STAGES = [
  "referred",
  "assessing",
  "assessed",
  "not-eligible",
  "eligible",
  "budget-set",
  "awaiting-provider",
  "provider-declined",
  "active",
] as const;
export type Stage = (typeof STAGES)[number];

export interface JourneyFacts {
  /** The status of the latest assessment, if any. */
  assessment: AssessmentStatus | null;
  /** The latest eligibility decision, if any. */
  eligible: boolean | null;
  hasBudget: boolean;
  planStatus: PlanStatus | null;
  /** Whether any agreement (of whatever option) is in force for the person. */
  supportInForce: boolean;
}

/** Where a person is on the SDS journey, derived from what has been recorded (never stored). */
export function journeyStage(facts: JourneyFacts): Stage {
  // Support is in place once an agreement is in force, whichever option carries it.
  if (facts.supportInForce || facts.planStatus === "active") return "active";
  if (facts.planStatus === "awaiting-provider") return "awaiting-provider";
  if (facts.planStatus === "declined") return "provider-declined";
  if (facts.hasBudget) return "budget-set";
  if (facts.eligible === true) return "eligible";
  if (facts.eligible === false) return "not-eligible";
  if (facts.assessment === "approved") return "assessed";
  return facts.assessment ? "assessing" : "referred";
}
