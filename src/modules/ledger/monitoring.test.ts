import { describe, expect, it } from "vitest";
import { type FundFacts, spendFlags } from "./monitoring";

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

  it("asks about a direct payment return only after two months without one", () => {
    const dp = (returnPeriods: string[]) =>
      kinds(fund({ option: "1", hasProvider: false, returnPeriods }));
    expect(dp(["2026-10"])).toEqual([]);
    expect(dp([])).toEqual(["return-missing"]);
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
