import { describe, expect, it } from "vitest";
import { contingencyOf, RECLAIM_CLAUSE, reclaimProblem } from "./reclaim";

describe("reclaiming unspent money", () => {
  const annual = 783_120; // contingency of eight weeks: £1,204.80
  const directPayment = (balancePence: number) => ({
    kind: "direct-payment-agreement" as const,
    balancePence,
    annualPence: annual,
  });
  it("keeps eight weeks of budget as the contingency", () => {
    expect(contingencyOf(annual)).toBe(120_480);
  });

  it.each([
    [200_000, 79_520, null],
    [200_000, 79_521, /at most £795.20/],
    [100_000, 1, /at most £0.00/],
    [200_000, 0, /above £0/],
  ])("with %i in a direct payment, reclaiming %i", (balance, asked, problem) => {
    const result = reclaimProblem(directPayment(balance), asked);
    if (problem)
      expect(result).toMatchObject({ path: "amount", message: expect.stringMatching(problem) });
    else expect(result).toBeNull();
  });

  it("never reclaims from an Individual Service Fund or a council-arranged order", () => {
    for (const kind of ["three-way", "service-order"] as const)
      expect(reclaimProblem({ ...directPayment(900_000), kind }, 100)).toMatchObject({
        path: null,
        message: expect.stringMatching(/only from a direct payment/),
      });
    expect(reclaimProblem({ ...directPayment(900_000), kind: "three-way" }, 100)?.message).toMatch(
      /Money not spent stays in the fund/,
    );
  });

  it("names the agreement clause that allows it", () => {
    expect(RECLAIM_CLAUSE).toMatch(/direct payment agreement.*Changing or ending the arrangement/);
  });
});
