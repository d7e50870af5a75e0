import { formatPence } from "../budgets/money";
import type { ContractKind } from "../contracts/terms";

/** The agreed contingency a fund may hold: eight weeks of its budget, unless agreed otherwise. */
export const contingencyOf = (annualPence: number, weeks = 8) =>
  Math.floor((annualPence * weeks) / 52);

/** The clause of the direct payment agreement that allows a reclaim (default-templates.ts). */
export const RECLAIM_CLAUSE = 'the direct payment agreement, "Changing or ending the arrangement"';

export interface ReclaimFacts {
  kind: ContractKind;
  balancePence: number;
  annualPence: number;
}

/**
 * What may be reclaimed: only from a direct payment, whose agreement allows it, and only money
 * above the contingency. An ISF's agreement keeps unspent money in the fund, so never from one.
 * A problem with path null means no reclaim at all; "amount" means a different amount might do.
 */
export function reclaimProblem(
  fund: ReclaimFacts,
  askedPence: number,
): { path: "amount" | null; message: string } | null {
  if (fund.kind === "three-way")
    return {
      path: null,
      message:
        'Money is reclaimed only from a direct payment: this is an Individual Service Fund, and its agreement says "Money not spent stays in the fund".',
    };
  if (fund.kind !== "direct-payment-agreement")
    return {
      path: null,
      message: "Money is reclaimed only from a direct payment: the council arranges this support.",
    };
  const contingency = contingencyOf(fund.annualPence);
  const above = Math.max(0, fund.balancePence - contingency);
  if (askedPence <= 0) return { path: "amount", message: "Reclaim an amount above £0." };
  if (askedPence > above)
    return {
      path: "amount",
      message: `Only money above the agreed contingency of ${formatPence(contingency)} can be reclaimed: at most ${formatPence(above)} now.`,
    };
  return null;
}
