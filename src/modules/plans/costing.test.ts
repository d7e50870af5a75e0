import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annualCost, type CostedLine, costPlan, type LineCost, planOption } from "./costing";

describe("annualCost", () => {
  it.each<[string, LineCost, number]>([
    [
      "10 hours a week at £24.60",
      { type: "hourly", minutesPerWeek: 600, hourlyRatePence: 2460 },
      1_279_200,
    ],
    [
      "7.5 hours at £17.50",
      { type: "hourly", minutesPerWeek: 450, hourlyRatePence: 1750 },
      682_500,
    ],
    // 20 minutes at £24.61 a week: 820.333.. pence a week, 42,657.33 a year: rounded to 42,657
    ["20 minutes at £24.61", { type: "hourly", minutesPerWeek: 20, hourlyRatePence: 2461 }, 42_657],
    ["a gym at £30 a month", { type: "recurring", amountPence: 3000, per: "month" }, 36_000],
    ["£15 a week", { type: "recurring", amountPence: 1500, per: "week" }, 78_000],
    ["a course, once", { type: "one-off", amountPence: 45_000 }, 45_000],
  ])("%s costs %i pence a year", (_name, cost, pence) => {
    expect(annualCost(cost)).toBe(pence);
  });
});

const line = (option: "1" | "2" | "3", cost: LineCost): CostedLine => ({ option, cost });

describe("costPlan", () => {
  it("shows what is left, recurring and one-off, and the cost of each option", () => {
    const costing = costPlan(
      [
        line("2", { type: "hourly", minutesPerWeek: 600, hourlyRatePence: 2460 }),
        line("1", { type: "one-off", amountPence: 45_000 }),
      ],
      1_500_000,
    );
    expect(costing).toEqual({
      recurringAnnualPence: 1_279_200,
      oneOffPence: 45_000,
      totalPence: 1_324_200,
      budgetPence: 1_500_000,
      leftPence: 175_800,
      byOption: { "1": 45_000, "2": 1_279_200, "3": 0 },
    });
  });

  it("shows a plan over its budget as a negative amount left, never blocks it", () => {
    const costing = costPlan([line("3", { type: "one-off", amountPence: 200 })], 100);
    expect(costing.leftPence).toBe(-100);
  });

  it("adds up: the options' costs are the total, and total plus left is the budget", () => {
    const cost = fc.oneof(
      fc.record({
        type: fc.constant("hourly" as const),
        minutesPerWeek: fc.integer({ min: 0, max: 10_080 }),
        hourlyRatePence: fc.integer({ min: 0, max: 100_000 }),
      }),
      fc.record({
        type: fc.constant("recurring" as const),
        amountPence: fc.integer({ min: 0, max: 1_000_000 }),
        per: fc.constantFrom("week" as const, "month" as const, "year" as const),
      }),
      fc.record({
        type: fc.constant("one-off" as const),
        amountPence: fc.integer({ min: 0, max: 10_000_000 }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ option: fc.constantFrom("1" as const, "2" as const, "3" as const), cost }),
        ),
        fc.integer({ min: 0, max: 100_000_000 }),
        (lines, budget) => {
          const c = costPlan(lines, budget);
          expect(c.byOption["1"] + c.byOption["2"] + c.byOption["3"]).toBe(c.totalPence);
          expect(c.totalPence + c.leftPence).toBe(budget);
          expect(Number.isInteger(c.totalPence) && c.totalPence >= 0).toBe(true);
        },
      ),
    );
  });
});

describe("planOption: Option 4 is derived", () => {
  it.each<[string, ("1" | "2" | "3")[], string | null]>([
    ["nothing yet", [], null],
    ["all Option 2", ["2", "2"], "2"],
    ["only Option 3", ["3"], "3"],
    ["a direct payment and an ISF", ["1", "2"], "4"],
    ["all three", ["3", "1", "2"], "4"],
  ])("%s is %s", (_name, options, expected) => {
    expect(planOption(options.map((option) => ({ option })))).toBe(expected);
  });
});
