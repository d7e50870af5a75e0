import { describe, expect, it } from "vitest";
import {
  cannotDecideLine,
  daysInMonth,
  type ReturnFacts,
  type ReturnLine,
  returnLimits,
} from "./returns";

// A 10-hours-a-week contract at £25.10 an hour, in December (31 days: 744 hours).
const facts: ReturnFacts = {
  period: "2026-12",
  plannedMinutesPerWeek: 600,
  hourlyRatePence: 2510,
  personMinutesBefore: 0,
  fundAvailablePence: 108_767,
  lineCapPence: 108_767,
};
const support = (hours: number): ReturnLine => ({
  kind: "support",
  description: "Support at home",
  plannedMinutes: 0,
  deliveredMinutes: hours * 60,
  plannedVisits: 0,
  deliveredVisits: 0,
});
const purchase = (pence: number): ReturnLine => ({
  kind: "purchase",
  description: "Bought",
  amount: pence,
});

describe("a return's limits", () => {
  it("knows the days of each month", () => {
    expect(daysInMonth("2026-12")).toBe(31);
    expect(daysInMonth("2027-02")).toBe(28);
    expect(daysInMonth("2028-02")).toBe(29);
  });

  it("refuses more hours delivered to the person than the month has, naming the line", () => {
    // The probe: 200 lines of 168 hours. The fifth takes the month past its 744 hours.
    const { refused } = returnLimits(
      Array.from({ length: 200 }, () => support(168)),
      facts,
    );
    expect(refused).toEqual([
      { index: 4, field: "deliveredHours", message: expect.stringMatching(/^Line 5: .*744 hours/) },
    ]);
    // Hours already returned on the person's other contracts count too.
    const other = returnLimits([support(10)], { ...facts, personMinutesBefore: 740 * 60 });
    expect(other.refused[0]).toMatchObject({ index: 0, field: "deliveredHours" });
  });

  it("refuses an amount above the money cap", () => {
    const { refused } = returnLimits([purchase(99_999_999_999_999)], facts);
    expect(refused).toEqual([
      { index: 0, field: "amount", message: expect.stringMatching(/^Line 1: .*£10,000,000\.00/) },
    ]);
  });

  it("pays what is within the plan and the fund, and holds the rest to be asked about", () => {
    // 44.28 hours planned in December, 48.71 allowed (10% over).
    const { refused, outcomes } = returnLimits([support(40), support(20), support(8)], {
      ...facts,
      fundAvailablePence: 200_000,
    });
    expect(refused).toEqual([]);
    expect(outcomes[0]).toEqual({ pence: 100_400, heldReason: null });
    expect(outcomes[1]?.heldReason).toMatch(/^Hours above the plan: .*60 hours .*44\.28 planned/);
    // A held line spends nothing: the next is judged on what is left (48 hours, within 10%).
    expect(outcomes[2]).toEqual({ pence: 20_080, heldReason: null });
  });

  it("holds a line above what the contract pays in a month, and money the fund does not have", () => {
    const { outcomes } = returnLimits(
      [purchase(900_000_000), purchase(100_000), purchase(10_000)],
      facts,
    );
    expect(outcomes[0]?.heldReason).toMatch(
      /more than the contract pays in the month \(£1,087\.67\)/,
    );
    expect(outcomes[1]?.heldReason).toBeNull();
    expect(outcomes[2]?.heldReason).toMatch(
      /more than the fund has left for the month \(£87\.67\)/,
    );
  });

  it("holds any hours on a contract with none planned", () => {
    const { outcomes } = returnLimits([support(1)], { ...facts, plannedMinutesPerWeek: 0 });
    expect(outcomes[0]?.heldReason).toMatch(/Hours above the plan/);
  });

  it("lets finance decide a held line once", () => {
    expect(cannotDecideLine({ heldReason: null }, null)).toMatch(/paid as returned/);
    expect(cannotDecideLine({ heldReason: "x" }, null)).toBeNull();
    expect(cannotDecideLine({ heldReason: "x" }, "agreed")).toMatch(/already been agreed/);
  });
});
