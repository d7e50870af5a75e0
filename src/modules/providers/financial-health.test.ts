import { describe, expect, it } from "vitest";
import {
  type FinancialIndicators,
  financialHealth,
  plainRating,
  type Rag,
} from "./financial-health";

const healthy: FinancialIndicators = {
  turnoverPence: 500_000_000,
  surplusPence: 10_000_000,
  reservesMonthsTenths: 45,
  dependencePercent: 20,
  creditRating: "A",
};
const today = "2026-11-24";

describe("financialHealth", () => {
  it.each<[string, Partial<FinancialIndicators>, string, Rag, RegExp]>([
    ["healthy", {}, "2027-05-01", "green", /No concerns/],
    [
      "reserves under three months",
      { reservesMonthsTenths: 25 },
      "2027-05-01",
      "amber",
      /2.5 months are under three/,
    ],
    ["reserves under a month", { reservesMonthsTenths: 5 }, "2027-05-01", "red", /under one month/],
    [
      "a deficit, healthy reserves",
      { surplusPence: -1 },
      "2027-05-01",
      "amber",
      /A deficit this year/,
    ],
    [
      "a deficit with thin reserves",
      { surplusPence: -1, reservesMonthsTenths: 20 },
      "2027-05-01",
      "red",
      /thin reserves/,
    ],
    [
      "40% dependent on the council",
      { dependencePercent: 40 },
      "2027-05-01",
      "amber",
      /40% of income/,
    ],
    [
      "75% dependent on the council",
      { dependencePercent: 75 },
      "2027-05-01",
      "red",
      /75% of income/,
    ],
    ["credit rating C", { creditRating: "C" }, "2027-05-01", "amber", /Credit rating C/],
    ["credit rating E", { creditRating: "E" }, "2027-05-01", "red", /Credit rating E/],
    ["a review overdue", {}, "2026-11-23", "amber", /was due on 2026-11-23/],
    ["due today is not overdue", {}, "2026-11-24", "green", /No concerns/],
  ])("%s", (_name, change, due, status, reason) => {
    const result = financialHealth(
      { indicators: { ...healthy, ...change }, nextReviewDue: due },
      today,
    );
    expect(result.status).toBe(status);
    expect(result.reasons.join("; ")).toMatch(reason);
    expect(result.overdue).toBe(due < today);
  });

  it("gives every reason, and the worst status wins", () => {
    const result = financialHealth(
      {
        indicators: { ...healthy, dependencePercent: 50, creditRating: "D" },
        nextReviewDue: "2026-01-01",
      },
      today,
    );
    expect(result.status).toBe("red");
    expect(result.reasons).toHaveLength(3);
  });
});

describe("the rating people read, where the council publishes it", () => {
  it("says the status in plain words, with no reasons", () => {
    expect(plainRating("green")).toMatch(/no concerns/);
    expect(plainRating("amber")).toMatch(/some concerns/);
    expect(plainRating("red")).toMatch(/serious concerns/);
  });
});
