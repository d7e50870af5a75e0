import { describe, expect, it } from "vitest";
import { budgetLetter } from "./letter";

describe("budgetLetter", () => {
  const facts = {
    person: { givenName: "Isobel", familyName: "Reid" },
    annualAmountPence: 1_040_000,
    reason: "Six hours a week",
    setAt: "2026-11-20T10:00:00Z",
    lines: [
      { text: "25 points at £300.00 a point is £7,500.00 a year", pence: 750_000 },
      { text: "Living far from services: +5%, more £375.00", pence: 37_500 },
    ],
    streams: [
      { stream: "social-care", annualAmountPence: 740_000 },
      { stream: "health", annualAmountPence: 300_000 },
    ],
  };

  it("gives the amount, the steps and where the money comes from", () => {
    const letter = budgetLetter(facts);
    expect(letter.sections.map((s) => s.heading)).toEqual([
      "Your budget",
      "How we worked it out",
      "Where the money comes from",
      "What happens next",
    ]);
    expect(letter.sections[0]?.paragraphs.slice(0, 2)).toEqual([
      "£10,400.00 a year.",
      "That is about £200.00 a week.",
    ]);
    expect(letter.sections[1]?.paragraphs[1]).toBe(
      "2. Living far from services: +5%, more £375.00.",
    );
    expect(letter.sections[2]?.paragraphs).toEqual([
      "Social care: £7,400.00 a year.",
      "Health: £3,000.00 a year.",
    ]);
  });

  it("leaves out the steps and streams when there are none to show", () => {
    const letter = budgetLetter({
      ...facts,
      lines: null,
      streams: [{ stream: "social-care", annualAmountPence: 1_040_000 }],
    });
    expect(letter.sections.map((s) => s.heading)).toEqual(["Your budget", "What happens next"]);
  });
});
