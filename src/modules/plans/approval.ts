import { formatPence } from "../budgets/money";
import type { Authority } from "../budgets/rules";
import type { PlanCosting } from "./costing";

/**
 * Why a plan needs a team manager's approval (over its budget, or beyond a social worker's
 * authority), or null when the social worker may approve it.
 */
export function planApprovalNeeded(costing: PlanCosting, authority: Authority): string | null {
  if (costing.leftPence < 0)
    return `The plan costs ${formatPence(-costing.leftPence)} more than the budget`;
  if (costing.totalPence > authority.maxAnnualPence)
    return `Above ${formatPence(authority.maxAnnualPence)} a year, the limit of a social worker's authority`;
  return null;
}

export interface PlanDecisionFacts {
  /** A rule the version's lines break (linesBlocked), or null. */
  linesBlocked: string | null;
  needsManager: string | null;
  authorId: string;
  decided: boolean;
  hasLines: boolean;
}

/** State guard for approving a plan version: once, by the right role, four eyes when needed. */
export function cannotApprovePlan(
  facts: PlanDecisionFacts,
  approver: { id: string; role: string },
): string | null {
  if (!facts.hasLines) return "A plan needs at least one support before it is approved.";
  if (facts.decided) return "This version of the plan has already been decided.";
  if (facts.linesBlocked) return facts.linesBlocked;
  if (facts.needsManager && approver.role !== "team-manager")
    return `A team manager must approve this plan: ${facts.needsManager}.`;
  if (facts.needsManager && approver.id === facts.authorId)
    return "You wrote this version of the plan, so someone else must approve it.";
  return null;
}

/**
 * The budget a plan approved over its budget records: the plan's cost, with the reason and who
 * approved it written into the budget's history. Null when the plan is within its budget.
 */
export function budgetForApprovedPlan(
  costing: PlanCosting,
  plan: { version: number },
  approver: string,
  note: string,
): { annualAmountPence: number; reason: string } | null {
  if (costing.leftPence >= 0) return null;
  const why = note ? `: ${note}` : ".";
  return {
    annualAmountPence: costing.totalPence,
    reason: `Raised from ${formatPence(costing.budgetPence)} to ${formatPence(costing.totalPence)} to meet version ${plan.version} of the support plan, approved over budget by ${approver}${why}`,
  };
}
