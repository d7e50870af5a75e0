import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  indicativeBudget,
  MAX_ANSWER_POINTS,
  type RasDefinition,
  restOfFinancialYear,
  roundDiv,
  splitByDays,
  validateRas,
} from "./ras";

const method: RasDefinition = {
  careGroups: ["older people", "learning disability"],
  questions: [
    {
      key: "personal-care",
      label: "Help with personal care",
      answers: [
        { value: "none", label: "No help needed", points: 0 },
        { value: "some", label: "Help some days", points: 10 },
        { value: "daily", label: "Help every day", points: 25 },
      ],
    },
    {
      key: "getting-out",
      label: "Getting out and about",
      answers: [
        { value: "none", label: "No help needed", points: 0 },
        { value: "weekly", label: "Help each week", points: 8 },
      ],
    },
  ],
  bands: [
    {
      fromPoints: 0,
      toPoints: 19,
      pencePerPoint: { "older people": 30000, "learning disability": 32000 },
    },
    {
      fromPoints: 20,
      toPoints: null,
      pencePerPoint: { "older people": 35000, "learning disability": 38000 },
    },
  ],
  adjustments: [
    { key: "unpaid-carer", label: "Your daughter's help at home", basisPoints: -1000 },
    { key: "rural", label: "Living far from services", basisPoints: 500 },
  ],
};

describe("validateRas", () => {
  it("accepts a complete method", () => {
    expect(validateRas(method)).toEqual([]);
  });

  const bands = (b: RasDefinition["bands"]) =>
    validateRas({ ...method, bands: b }).map((e) => e.path);
  const rates = { "older people": 1, "learning disability": 1 };
  it.each<[string, RasDefinition["bands"], string[]]>([
    [
      "overlapping bands",
      [
        { fromPoints: 0, toPoints: 20, pencePerPoint: rates },
        { fromPoints: 15, toPoints: null, pencePerPoint: rates },
      ],
      ["bands.1.fromPoints"],
    ],
    [
      "a gap between bands",
      [
        { fromPoints: 0, toPoints: 10, pencePerPoint: rates },
        { fromPoints: 12, toPoints: null, pencePerPoint: rates },
      ],
      ["bands.1.fromPoints"],
    ],
    [
      "a first band not from 0",
      [{ fromPoints: 1, toPoints: null, pencePerPoint: rates }],
      ["bands.0.fromPoints"],
    ],
    [
      "a closed last band",
      [{ fromPoints: 0, toPoints: 50, pencePerPoint: rates }],
      ["bands.0.toPoints"],
    ],
    [
      "an open band before the last",
      [
        { fromPoints: 0, toPoints: null, pencePerPoint: rates },
        { fromPoints: 1, toPoints: null, pencePerPoint: rates },
      ],
      ["bands.0.toPoints", "bands.1.fromPoints"],
    ],
    [
      "a missing rate",
      [{ fromPoints: 0, toPoints: null, pencePerPoint: { "older people": 1 } }],
      ["bands.0.pencePerPoint.learning disability"],
    ],
    [
      "a fractional rate",
      [{ fromPoints: 0, toPoints: null, pencePerPoint: { ...rates, "older people": 1.5 } }],
      ["bands.0.pencePerPoint.older people"],
    ],
    ["no bands", [], ["bands"]],
  ])("names the fault: %s", (_name, b, paths) => {
    expect(bands(b)).toEqual(paths);
  });

  it("refuses duplicate keys, negative points and adjustments beyond 100%", () => {
    const q = method.questions[0] as RasDefinition["questions"][number];
    const paths = validateRas({
      ...method,
      questions: [q, { ...q, answers: [{ value: "x", label: "x", points: -1 }] }],
      adjustments: [{ key: "a", label: "A", basisPoints: 20_000 }],
    }).map((e) => e.path);
    expect(paths).toEqual([
      "questions.1.key",
      "questions.1.answers.0.points",
      "adjustments.0.basisPoints",
    ]);
  });
});

describe("validateRas: figures in range (issue 13: an overflowing method was a 500)", () => {
  const withAnswerPoints = (points: number) =>
    validateRas({
      ...method,
      questions: [
        {
          key: "huge",
          label: "Huge",
          answers: [{ value: "x", label: "x", points }],
        },
      ],
    });

  it("refuses an answer past 10,000 points, naming it", () => {
    expect(withAnswerPoints(MAX_ANSWER_POINTS)).toEqual([]);
    expect(withAnswerPoints(Number.MAX_SAFE_INTEGER)).toContainEqual({
      path: "questions.0.answers.0.points",
      message: "An answer scores at most 10,000 points",
    });
  });

  it("refuses a band reaching past 500,000 points", () => {
    const rates = { "older people": 1, "learning disability": 1 };
    const paths = validateRas({
      ...method,
      bands: [
        { fromPoints: 0, toPoints: 9_000_000_000_000, pencePerPoint: rates },
        { fromPoints: 9_000_000_000_001, toPoints: null, pencePerPoint: rates },
      ],
    }).map((e) => e.path);
    expect(paths).toEqual(["bands.0.toPoints", "bands.1.fromPoints"]);
  });

  it("refuses a rate that could give more than any budget may be, counting every increase", () => {
    // The most points are 25 + 8 = 33, in the open band; +5% (rural) is the only increase.
    // 33 points at £291,000 is £9,603,000; +5% is £10,083,150: over £10,000,000.
    const rates2 = { "older people": 1, "learning disability": 38_000 };
    const at = (pence: number) =>
      validateRas({
        ...method,
        bands: [
          method.bands[0] as RasDefinition["bands"][number],
          { fromPoints: 20, toPoints: null, pencePerPoint: { ...rates2, "older people": pence } },
        ],
      });
    expect(at(28_860_000)).toEqual([]); // 33 x £288,600 x 1.05 = £9,999,990
    expect(at(29_100_000)).toEqual([
      {
        path: "bands.1.pencePerPoint.older people",
        message:
          "At this rate the method could give over £10,000,000.00 a year, the most any budget may be: lower the rate or the points",
      },
    ]);
    expect(at(Number.MAX_SAFE_INTEGER).map((e) => e.path)).toEqual([
      "bands.1.pencePerPoint.older people",
    ]);
    // The first band tops out at 19 points, whatever the highest answers add up to.
    const reachable = validateRas({
      ...method,
      bands: [
        {
          fromPoints: 0,
          toPoints: 19,
          pencePerPoint: { "older people": 50_000_000, "learning disability": 1 },
        },
        method.bands[1] as RasDefinition["bands"][number],
      ],
    });
    expect(reachable).toEqual([]); // 19 x £500,000 x 1.05 = £9,975,000
  });
});

describe("indicativeBudget", () => {
  it("refuses an adjustment chosen twice", () => {
    const budget = indicativeBudget(method, {
      careGroup: "older people",
      answers: { "personal-care": "daily", "getting-out": "weekly" },
      adjustments: ["rural", "rural"],
    });
    expect(budget).toEqual({
      errors: [{ path: "adjustments.1", message: "Choose each adjustment once" }],
    });
  });

  it("refuses, rather than stores, an amount past any budget's limit from a method never checked", () => {
    const unchecked: RasDefinition = {
      ...method,
      bands: [
        {
          fromPoints: 0,
          toPoints: null,
          pencePerPoint: { "older people": Number.MAX_SAFE_INTEGER, "learning disability": 1 },
        },
      ],
    };
    const budget = indicativeBudget(unchecked, {
      careGroup: "older people",
      answers: { "personal-care": "daily", "getting-out": "weekly" },
      adjustments: ["unpaid-carer"],
    });
    expect(budget).toMatchObject({ errors: [{ path: "answers" }] });
  });

  it("explains the amount line by line", () => {
    const budget = indicativeBudget(method, {
      careGroup: "older people",
      answers: { "personal-care": "daily", "getting-out": "weekly" },
      adjustments: ["unpaid-carer", "rural"],
    });
    if ("errors" in budget) throw new Error("unexpected");
    // 33 points in the second band at £350.00 = £11,550.00; -10% = -£1,155.00; +5% = +£577.50
    expect(budget).toMatchObject({ points: 33, basePence: 1_155_000, totalPence: 1_097_250 });
    expect(budget.lines.map((l) => l.text)).toEqual([
      "Help with personal care: Help every day (25 points)",
      "Getting out and about: Help each week (8 points)",
      "33 points at £350.00 a point (the rate for older people with 20 points or more) is £11,550.00 a year",
      "Your daughter's help at home: -10%, less £1,155.00",
      "Living far from services: +5%, more £577.50",
    ]);
    expect(budget.lines.reduce((sum, l) => sum + l.pence, 0)).toBe(budget.totalPence);
  });

  it("names every missing or unknown input", () => {
    const result = indicativeBudget(method, {
      careGroup: "pets",
      answers: { "personal-care": "lots" },
      adjustments: ["lottery"],
    });
    expect("errors" in result && result.errors.map((e) => e.path)).toEqual([
      "careGroup",
      "answers.personal-care",
      "answers.getting-out",
      "adjustments.0",
    ]);
  });
});

/** Any method with one question worth 0..max points, random bands, rates and adjustments. */
const anyMethod = fc
  .record({
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 4 }),
    rates: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 5, maxLength: 5 }),
    adjustments: fc.array(fc.integer({ min: -10_000, max: 10_000 }), { maxLength: 4 }),
  })
  .map(({ cuts, rates, adjustments }): RasDefinition => {
    const starts = [0, ...cuts.sort((a, b) => a - b)];
    return {
      careGroups: ["all"],
      questions: [
        {
          key: "need",
          label: "Need",
          answers: Array.from({ length: 241 }, (_, p) => ({
            value: String(p),
            label: String(p),
            points: p,
          })),
        },
      ],
      bands: starts.map((from, i) => ({
        fromPoints: from,
        toPoints: i + 1 < starts.length ? (starts[i + 1] as number) - 1 : null,
        pencePerPoint: { all: rates[i] as number },
      })),
      adjustments: adjustments.map((bp, i) => ({ key: `a${i}`, label: `A${i}`, basisPoints: bp })),
    };
  });
const budgetAt = (def: RasDefinition, points: number, adjustments: string[] = []) => {
  const result = indicativeBudget(def, {
    careGroup: "all",
    answers: { need: String(points) },
    adjustments,
  });
  if ("errors" in result) throw new Error(JSON.stringify(result.errors));
  return result;
};

describe("properties of the calculation", () => {
  it("every generated method is valid", () => {
    fc.assert(fc.property(anyMethod, (def) => validateRas(def).length === 0));
  });

  it("is never negative, whatever the adjustments", () => {
    fc.assert(
      fc.property(anyMethod, fc.integer({ min: 0, max: 240 }), (def, points) => {
        const budget = budgetAt(
          def,
          points,
          def.adjustments.map((a) => a.key),
        );
        return budget.totalPence >= 0 && Number.isSafeInteger(budget.totalPence);
      }),
    );
  });

  it("never goes down as points go up within a band", () => {
    fc.assert(
      fc.property(
        anyMethod,
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 0, max: 240 }),
        (def, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const band = (p: number) =>
            def.bands.findIndex(
              (x) => p >= x.fromPoints && (x.toPoints === null || p <= x.toPoints),
            );
          fc.pre(band(low) === band(high));
          return budgetAt(def, low).basePence <= budgetAt(def, high).basePence;
        },
      ),
    );
  });

  it("splits an amount into part periods that add back to the whole, each within a penny of exact", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 366 }), { minLength: 1, maxLength: 53 }),
        (total, days) => {
          const parts = splitByDays(total, days);
          const allDays = days.reduce((x, y) => x + y, 0);
          if (allDays === 0) return parts.every((p) => p === 0);
          const sumsBack = parts.reduce((x, y) => x + y, 0) === total;
          const close = parts.every(
            (p, i) => Math.abs(p * allDays - total * (days[i] as number)) < allDays,
          );
          return sumsBack && close;
        },
      ),
    );
  });

  it("rounds halves away from zero", () => {
    expect([roundDiv(5, 2), roundDiv(-5, 2), roundDiv(4, 3), roundDiv(-4, 3)]).toEqual([
      3, -3, 1, -1,
    ]);
  });
});

describe("restOfFinancialYear", () => {
  it.each<[string, string, number, number, number]>([
    ["2026-04-01", "2027-03-31", 365, 365, 1_040_000], // a whole year
    ["2026-12-07", "2027-03-31", 115, 365, 327_671],
    ["2027-01-01", "2027-03-31", 90, 365, 256_438],
    ["2027-12-01", "2028-03-31", 122, 366, 346_667], // 2028 is a leap year
    ["2027-03-31", "2027-03-31", 1, 365, 2_849],
  ])("from %s to %s", (start, to, days, yearDays, pence) => {
    expect(restOfFinancialYear(1_040_000, start)).toEqual({
      from: start,
      to,
      days,
      yearDays,
      pence,
    });
  });
});
