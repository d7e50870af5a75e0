import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { monthlyShare, monthlyStatement, monthOfFinancialYear } from "./statement";

describe("monthlyStatement", () => {
  it("says what came in, what went out on what, and what is left", () => {
    const s = monthlyStatement(10_000, [
      { kind: "allocation", memo: "December budget", pence: 65_260 },
      { kind: "charge", memo: "Support from Linn", pence: -32_630 },
      { kind: "charge", memo: "Support from Linn", pence: -3_765 },
      { kind: "purchase", memo: "Gardening tools", pence: -6_000 },
      { kind: "refund", memo: "Returned shears", pence: 1_000 },
    ]);
    expect(s).toEqual({
      openingPence: 10_000,
      cameIn: [
        { label: "From the council", pence: 65_260 },
        { label: "Money refunded", pence: 1_000 },
      ],
      wentOut: [
        { label: "Support from Linn", pence: 36_395 },
        { label: "Gardening tools", pence: 6_000 },
      ],
      totalInPence: 66_260,
      totalOutPence: 42_395,
      closingPence: 33_865,
    });
  });

  it("shows money paid once apart from the monthly budget, named by what it is for", () => {
    const s = monthlyStatement(0, [
      { kind: "allocation", memo: "Budget for 2026-12", pence: 43_33 },
      { kind: "allocation", memo: "A week's holiday", pence: 1_200_00, oneOff: true },
    ]);
    expect(s.cameIn).toEqual([
      { label: "From the council", pence: 43_33 },
      { label: "From the council, once only: A week's holiday", pence: 1_200_00 },
    ]);
  });

  it("always closes at opening plus in less out", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(
          fc.record({
            kind: fc.constantFrom(
              "allocation" as const,
              "charge" as const,
              "purchase" as const,
              "reversal" as const,
            ),
            memo: fc.constantFrom("a", "b"),
            pence: fc.integer({ min: -100_000, max: 100_000 }),
          }),
        ),
        (opening, movements) => {
          const s = monthlyStatement(opening, movements);
          expect(s.closingPence).toBe(opening + movements.reduce((sum, m) => sum + m.pence, 0));
        },
      ),
    );
  });
});

describe("monthlyShare", () => {
  it("shares a year so that the twelve months add up exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (annual) => {
        const months = Array.from({ length: 12 }, (_, i) => monthlyShare(annual, i + 1));
        expect(months.reduce((a, b) => a + b, 0)).toBe(annual);
        expect(Math.max(...months) - Math.min(...months)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each([
    ["2026-04", 1],
    ["2026-12", 9],
    ["2027-01", 10],
    ["2027-03", 12],
  ])("%s is month %i of the financial year", (period, month) => {
    expect(monthOfFinancialYear(period)).toBe(month);
  });
});
