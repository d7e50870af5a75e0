import { formatPence } from "../budgets/money";

/** The agreed contingency a fund may hold: eight weeks of its budget, unless agreed otherwise. */
export const contingencyOf = (annualPence: number, weeks = 8) =>
  Math.floor((annualPence * weeks) / 52);

/** What may be reclaimed: only money above the contingency, and only by a recorded decision. */
export function reclaimProblem(
  balancePence: number,
  annualPence: number,
  askedPence: number,
): string | null {
  const above = Math.max(0, balancePence - contingencyOf(annualPence));
  if (askedPence <= 0) return "Reclaim an amount above £0.";
  if (askedPence > above)
    return `Only money above the agreed contingency of ${formatPence(contingencyOf(annualPence))} can be reclaimed: at most ${formatPence(above)} now.`;
  return null;
}
