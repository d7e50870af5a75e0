import { describe, expect, it } from "vitest";
import { contingencyOf, reclaimProblem } from "./reclaim";

describe("reclaiming unspent money", () => {
  const annual = 783_120; // contingency of eight weeks: £1,204.80
  it("keeps eight weeks of budget as the contingency", () => {
    expect(contingencyOf(annual)).toBe(120_480);
  });

  it.each([
    [200_000, 79_520, null],
    [200_000, 79_521, /at most £795.20/],
    [100_000, 1, /at most £0.00/],
    [200_000, 0, /above £0/],
  ])("with %i in the fund, reclaiming %i", (balance, asked, problem) => {
    const result = reclaimProblem(balance, annual, asked);
    if (problem) expect(result).toMatch(problem);
    else expect(result).toBeNull();
  });
});
