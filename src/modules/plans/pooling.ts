import { annualCost, type LineCost } from "./costing";

/**
 * Splits a shared cost between people by their agreed weights (equal weights for an even
 * split), to the penny: each share is rounded down, and the pennies left go one each to the
 * largest remainders (ties to the earlier member), so the shares always add up to the whole.
 */
export function splitCost(totalPence: number, weights: readonly number[]): number[] {
  if (weights.length === 0) throw new Error("A pool needs at least one member");
  if (weights.some((w) => !Number.isInteger(w) || w <= 0))
    throw new Error("Each weight must be a whole number above 0");
  if (!Number.isInteger(totalPence) || totalPence < 0)
    throw new Error("The total must be whole pence, not negative");
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((totalPence * w) / sum));
  const remainders = weights.map((w, i) => ({ i, r: (totalPence * w) % sum }));
  let left = totalPence - shares.reduce((a, b) => a + b, 0);
  for (const { i } of remainders.sort((a, b) => b.r - a.r || a.i - b.i)) {
    if (left === 0) break;
    shares[i] = (shares[i] as number) + 1;
    left--;
  }
  return shares;
}

/**
 * Each member's share of a pool's cost, in the pool's own kind: shares of a one-off pool are
 * one-off, shares of anything else are a yearly amount (the pool's year split to the penny).
 */
export function poolShareCosts(poolCost: LineCost, weights: readonly number[]): LineCost[] {
  return splitCost(annualCost(poolCost), weights).map(
    (amountPence): LineCost =>
      poolCost.type === "one-off"
        ? { type: "one-off", amountPence }
        : { type: "recurring", amountPence, per: "year" },
  );
}
