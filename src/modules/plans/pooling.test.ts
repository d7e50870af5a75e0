import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { poolShareCosts, splitCost } from "./pooling";

describe("splitCost", () => {
  it.each([
    [100_00, [1, 1, 1], [33_34, 33_33, 33_33]],
    [100, [1, 1, 1], [34, 33, 33]],
    [1_000, [2, 1, 1], [500, 250, 250]],
    [1, [1, 1], [1, 0]],
    [0, [1, 4], [0, 0]],
    [999, [3, 3, 1], [428, 428, 143]],
  ])("splits %i pence by %o as %o", (total, weights, shares) => {
    expect(splitCost(total, weights)).toEqual(shares);
  });

  it("always adds up to the whole, to the penny, and each share is within a penny of fair", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const shares = splitCost(total, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            const fair = (total * (weights[i] as number)) / sum;
            expect(Math.abs(share - fair)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it.each([
    [100, [], /at least one member/],
    [100, [1, 0], /above 0/],
    [-1, [1], /not negative/],
    [10.5, [1], /whole pence/],
  ])("refuses %i split by %o", (total, weights, message) => {
    expect(() => splitCost(total, weights)).toThrow(message);
  });
});

describe("poolShareCosts", () => {
  it("gives one-off shares of a one-off pool: £1,000.01 between two is 50001p and 50000p, once", () => {
    expect(poolShareCosts({ type: "one-off", amountPence: 1_000_01 }, [1, 1])).toEqual([
      { type: "one-off", amountPence: 50_001 },
      { type: "one-off", amountPence: 50_000 },
    ]);
  });

  it("gives yearly shares of a weekly pool: £30 a week between three", () => {
    expect(
      poolShareCosts({ type: "recurring", amountPence: 30_00, per: "week" }, [1, 1, 1]),
    ).toEqual([
      { type: "recurring", amountPence: 520_00, per: "year" },
      { type: "recurring", amountPence: 520_00, per: "year" },
      { type: "recurring", amountPence: 520_00, per: "year" },
    ]);
  });
});
