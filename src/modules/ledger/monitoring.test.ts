import { describe, expect, it } from "vitest";
import { type FundFacts, spendByGroup, spendFlags } from "./monitoring";

const month = (period: string, inPence: number, spentPence: number) => ({
  period,
  inPence,
  spentPence,
});
const fund = (over: Partial<FundFacts> = {}): FundFacts => ({
  option: "2",
  hasProvider: true,
  months: [
    month("2026-10", 65_000, 60_000),
    month("2026-11", 65_000, 64_000),
    month("2026-12", 65_000, 63_000),
  ],
  returnPeriods: ["2026-10", "2026-11", "2026-12"],
  purchases: [],
  ...over,
});
const kinds = (f: FundFacts) => spendFlags(f, "2026-12").map((x) => x.kind);

describe("spend flags", () => {
  it("raises nothing for a fund spent as planned", () => {
    expect(kinds(fund())).toEqual([]);
  });

  it.each<[string, Partial<FundFacts>, string]>([
    [
      "three months under half",
      {
        months: [
          month("2026-10", 65_000, 20_000),
          month("2026-11", 65_000, 30_000),
          month("2026-12", 65_000, 10_000),
        ],
      },
      "sustained-underspend",
    ],
    [
      "spent over a tenth more than paid in",
      { months: [month("2026-12", 65_000, 72_000)] },
      "overspend",
    ],
    ["no return this month", { returnPeriods: ["2026-10", "2026-11"] }, "return-missing"],
    [
      "a large purchase",
      { purchases: [{ period: "2026-12", memo: "A mobility scooter", pence: 89_900 }] },
      "unusual-purchase",
    ],
  ])("flags %s", (_name, change, kind) => {
    expect(kinds(fund(change))).toContain(kind);
  });

  it("does not ask a direct payment recipient for provider returns", () => {
    expect(kinds(fund({ option: "1", hasProvider: false, returnPeriods: ["2026-11"] }))).toEqual(
      [],
    );
  });

  it("asks about a monthly direct payment return only after two months without one", () => {
    const dp = (returnPeriods: string[]) =>
      kinds(fund({ option: "1", hasProvider: false, returnsEvery: "month", returnPeriods }));
    expect(dp(["2026-10"])).toEqual([]);
    expect(dp([])).toEqual(["return-missing"]);
  });

  it("asks about a quarterly direct payment return only when a whole quarter has none", () => {
    const months = ["07", "08", "09", "10", "11", "12"].map((m) =>
      month(`2026-${m}`, 65_000, 60_000),
    );
    const dp = (returnPeriods: string[], asOf: string) =>
      spendFlags(
        fund({ option: "1", hasProvider: false, returnsEvery: "quarter", months, returnPeriods }),
        asOf,
      );
    // One return for July to September covers the quarter; October and November are not yet due.
    expect(dp(["2026-09"], "2026-12")).toEqual([]);
    expect(dp([], "2026-12")).toEqual([
      {
        kind: "return-missing",
        message:
          "No direct payment return for the quarter 2026-07 to 2026-09: a short conversation may help.",
      },
    ]);
    expect(dp(["2026-09"], "2027-01").map((f) => f.kind)).toEqual(["return-missing"]);
    expect(dp(["2026-09", "2026-11"], "2027-01")).toEqual([]);
  });

  it("says a large purchase is to talk about, not to block", () => {
    const [flag] = spendFlags(
      fund({ purchases: [{ period: "2026-12", memo: "A scooter", pence: 89_900 }] }),
      "2026-12",
    );
    expect(flag?.message).toBe(
      "A scooter: £899.00 is more than usual. Worth a conversation; nothing is blocked.",
    );
  });
});

describe("spend by group", () => {
  it("sums money over funds and counts a person with two funds in the group once", () => {
    const rows = [
      { personId: "ann", area: "Levenmouth", inPence: 100_00, spentPence: 80_00 },
      { personId: "ann", area: "Levenmouth", inPence: 50_00, spentPence: 50_00 },
      { personId: "bob", area: "Levenmouth", inPence: 10_00, spentPence: 0 },
      { personId: "bob", area: "Dunfermline", inPence: 20_00, spentPence: 5_00 },
    ];
    expect(spendByGroup(rows, (r) => r.area)).toEqual([
      { name: "Dunfermline", inPence: 20_00, spentPence: 5_00, funds: 1, people: 1 },
      { name: "Levenmouth", inPence: 160_00, spentPence: 130_00, funds: 3, people: 2 },
    ]);
  });
});
