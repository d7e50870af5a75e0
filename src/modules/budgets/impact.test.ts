import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_RAS } from "../../demo/ras";
import { type CurrentBudget, impactCsv, simulateImpact } from "./impact";

const budget = (
  personId: string,
  locality: string,
  careGroup: string,
  currentPence: number,
  personalCare = "daily",
): CurrentBudget => ({
  personId,
  locality,
  currentPence,
  input: {
    careGroup,
    answers: {
      "personal-care": personalCare,
      "getting-out": "none",
      "daily-living": "none",
      safety: "low",
    },
    adjustments: [],
  },
});

describe("simulateImpact", () => {
  // Under DEMO_RAS, "daily" personal care alone is 25 points at £300 (older people) = £7,500.
  const budgets = [
    budget("a", "Kirkcaldy", "older people", 700_000),
    budget("b", "Kirkcaldy", "older people", 750_000),
    budget("c", "Leven", "older people", 800_000),
    budget("d", "Leven", "carers", 500_000),
  ];

  it("counts who goes up, down or stays, overall and by locality and care group", () => {
    const impact = simulateImpact(DEMO_RAS, budgets);
    expect(impact.overall).toEqual({
      people: 4,
      up: 1,
      down: 1,
      same: 1,
      unscored: 1,
      currentPence: 2_750_000,
      proposedPence: 2_750_000,
      changePence: 0,
    });
    expect(impact.byLocality.Kirkcaldy).toMatchObject({
      people: 2,
      up: 1,
      same: 1,
      changePence: 50_000,
    });
    expect(impact.byCareGroup.carers).toMatchObject({ people: 1, unscored: 1 });
  });

  it("writes CSV a spreadsheet opens, in pounds", () => {
    const csv = impactCsv(simulateImpact(DEMO_RAS, budgets)).split("\n");
    expect(csv[0]).toBe(
      "breakdown,name,people,up,down,same,unscored,current_total_gbp,proposed_total_gbp,change_gbp",
    );
    expect(csv[1]).toBe("overall,all,4,1,1,1,1,27500.00,27500.00,0.00");
    expect(csv).toContain("locality,Kirkcaldy,2,1,0,1,0,14500.00,15000.00,500.00");
  });

  it("adds up: the breakdowns each sum to the overall change", () => {
    const arbitrary = fc.array(
      fc.record({
        locality: fc.constantFrom("Kirkcaldy", "Leven", "Cupar"),
        careGroup: fc.constantFrom("older people", "mental health"),
        current: fc.integer({ min: 0, max: 10_000_000 }),
        care: fc.constantFrom("none", "some", "daily", "twice-daily"),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arbitrary, (rows) => {
        const impact = simulateImpact(
          DEMO_RAS,
          rows.map((r, i) => budget(String(i), r.locality, r.careGroup, r.current, r.care)),
        );
        const sum = (group: Record<string, { changePence: number; people: number }>) =>
          Object.values(group).reduce<[number, number]>(
            ([change, count], c) => [change + c.changePence, count + c.people],
            [0, 0],
          );
        const perPerson = impact.people.reduce(
          (s, p) => s + (p.proposedPence ?? p.currentPence) - p.currentPence,
          0,
        );
        return (
          sum(impact.byLocality)[0] === impact.overall.changePence &&
          sum(impact.byCareGroup)[0] === impact.overall.changePence &&
          sum(impact.byLocality)[1] === rows.length &&
          perPerson === impact.overall.changePence
        );
      }),
    );
  });
});
