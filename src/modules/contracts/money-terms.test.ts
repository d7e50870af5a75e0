import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { renderContract } from "./template";
import {
  CONTRACT_KINDS,
  type ContractTerms,
  changedTerms,
  moneyTerms,
  oneOffMonths,
} from "./terms";

// The money of an agreement, and how every template reads for each mix of money.

const parties = {
  person: "Isobel Taylor",
  representative: null,
  provider: "Linn Employee-owned Care",
  council: "Fife Council",
  outcomes: ["To get to my allotment"],
  startDate: "2026-12-07",
  reviewDate: "2027-03-07",
};
const hourly = {
  id: "a",
  description: "Help to get to the allotment",
  cost: { type: "hourly" as const, minutesPerWeek: 360, hourlyRatePence: 2510 },
};
const weekly = {
  id: "b",
  description: "A gardening club",
  cost: { type: "recurring" as const, amountPence: 10_00, per: "week" as const },
};
const holiday = {
  id: "c",
  description: "A week's holiday",
  cost: { type: "one-off" as const, amountPence: 1_200_00 },
};
const termsOf = (lines: (typeof hourly | typeof weekly | typeof holiday)[]): ContractTerms => ({
  ...parties,
  ...moneyTerms(lines, parties.startDate),
});
/** The budget clause of a kind's default template, as rendered. */
const budgetClause = (kind: (typeof CONTRACT_KINDS)[number], t: ContractTerms) => {
  const doc = renderContract(DEFAULT_TEMPLATES[kind], t, 1);
  const i = DEFAULT_TEMPLATES[kind].clauses.findIndex((c) => c.topic === "budget-and-rate");
  return doc.sections[i] as { paragraphs: string[]; easyRead: string[] };
};
const everything = (t: ContractTerms) =>
  CONTRACT_KINDS.map((k) => JSON.stringify(renderContract(DEFAULT_TEMPLATES[k], t, 1))).join();

describe("moneyTerms", () => {
  it("keeps one-off amounts out of the yearly budget, to be paid once in the start month", () => {
    expect(moneyTerms([weekly, holiday], "2026-12-07")).toEqual({
      supports: [{ description: "A gardening club", annualPence: 520_00 }],
      annualPence: 520_00,
      oneOffs: [
        { lineId: "c", description: "A week's holiday", pence: 1_200_00, month: "2026-12" },
      ],
      hourlyRatePence: null,
      minutesPerWeek: 0,
    });
  });
});

describe("oneOffMonths", () => {
  const holiday = {
    lineId: "l1",
    description: "A week's holiday",
    pence: 120_000,
    month: "2026-06",
  };
  it("pays a one-off new to the agreement this month when its start month has passed", () => {
    expect(oneOffMonths([holiday], undefined, "2026-12")).toEqual([
      { ...holiday, month: "2026-12" },
    ]);
    expect(oneOffMonths([holiday], [], "2026-04")).toEqual([holiday]);
  });
  it("keeps the month already agreed, so a new version never moves or repeats it", () => {
    const agreed = [{ ...holiday, month: "2026-09" }];
    expect(oneOffMonths([holiday], agreed, "2027-01")).toEqual(agreed);
  });
});

describe("the wording of the money", () => {
  it("hourly only: the rate and the hours", () => {
    const clause = budgetClause("three-way", termsOf([hourly]));
    expect(clause.paragraphs[0]).toBe(
      "The budget is £7,831.20 a year (about £150.60 a week), for: Help to get to the allotment (£7,831.20 a year). Support by the hour is paid at £25.10 an hour, about 6 hours a week from 2026-12-07. Money not spent stays in the fund for Isobel Taylor to use flexibly.",
    );
  });

  it("recurring only: never 'not paid by the hour an hour'", () => {
    const t = termsOf([weekly]);
    expect(budgetClause("direct-payment-agreement", t).paragraphs[0]).toBe(
      "The direct payment is £520.00 a year (about £10.00 a week), for: A gardening club (£520.00 a year). None of it is paid by the hour; it starts on 2026-12-07. Any hourly rate is enough to pay a personal assistant at least the real Living Wage and the costs of employing.",
    );
    expect(everything(t)).not.toMatch(/not paid by the hour an hour|hourly rate of not paid/);
  });

  it("one-off only: paid once, never 'a year'", () => {
    const t = termsOf([holiday]);
    const clause = budgetClause("three-way", t);
    expect(clause.paragraphs[0]).toBe(
      "The budget is £1,200.00 once, in December 2026, for: A week's holiday (£1,200.00 once, in December 2026). None of it is paid by the hour; it starts on 2026-12-07. Money not spent stays in the fund for Isobel Taylor to use flexibly.",
    );
    expect(clause.easyRead[0]).toBe("Your budget is £1,200.00 once, in December 2026.");
    expect(everything(t)).not.toContain("£1,200.00 a year");
  });

  it("mixed: the yearly budget and the one-off amount apart", () => {
    const t = termsOf([hourly, holiday]);
    expect(budgetClause("service-order", t).paragraphs[0]).toBe(
      "Fife Council orders Help to get to the allotment (£7,831.20 a year); A week's holiday (£1,200.00 once, in December 2026): £7,831.20 a year (about £150.60 a week), and £1,200.00 once, in December 2026 in all. Support by the hour is paid at £25.10 an hour, about 6 hours a week from 2026-12-07.",
    );
  });

  it("says a one-off amount that changes, and an hourly rate that goes, in words", () => {
    const before = termsOf([hourly, holiday]);
    const after = termsOf([weekly, { ...holiday, cost: { type: "one-off", amountPence: 900_00 } }]);
    expect(changedTerms(before, after)).toEqual([
      "The budget changes from £7,831.20 to £520.00 a year.",
      "The one-off amounts change from £1,200.00 once, in December 2026 to £900.00 once, in December 2026.",
      "The hourly rate changes from £25.10 to none.",
      "The hours change from 6 to 0 hours a week.",
    ]);
  });
});
