import { describe, expect, it } from "vitest";
import { type DecisionFacts, decisionLetter } from "./letter";

const facts = (eligible: boolean, signposts: DecisionFacts["signposts"] = []): DecisionFacts => ({
  person: { givenName: "Isobel", familyName: "Reid" },
  decision: {
    eligible,
    riskLevel: eligible ? "substantial" : "moderate",
    reasons: "Her reasons.",
    decidedAt: "2026-11-20T10:00:00Z",
    decidedBy: "Morag Henderson",
  },
  outcomes: ["I want to see my pals"],
  signposts,
});
const headings = (f: DecisionFacts) => decisionLetter(f).sections.map((s) => s.heading);

describe("decisionLetter", () => {
  it("tells an eligible person what happens next, without a signposting section", () => {
    const letter = decisionLetter(facts(true));
    expect(letter.subtitle).toBe(
      "For Isobel Reid. Decided on 20 November 2026 by Morag Henderson.",
    );
    expect(letter.sections[0]?.paragraphs[0]).toBe("The council will pay for support for you.");
    expect(headings(facts(true))).not.toContain("Places that can help");
  });

  it("never leaves a person found not eligible with nothing", () => {
    const withPlaces = facts(false, [
      { name: "Men's Shed", description: "Making things together.", contact: "01592 000000" },
    ]);
    const places = decisionLetter(withPlaces).sections.find(
      (s) => s.heading === "Places that can help",
    );
    expect(places?.paragraphs).toEqual([
      "Men's Shed. Making things together. Contact: 01592 000000",
    ]);
    const none = decisionLetter(facts(false)).sections.find(
      (s) => s.heading === "Places that can help",
    );
    expect(none?.paragraphs[0]).toMatch(/Ask your social worker/);
  });

  it("keeps the person's own words and the reasons", () => {
    const letter = decisionLetter(facts(false));
    expect(headings(facts(false))).toEqual([
      "What we decided",
      "Why",
      "What matters to you",
      "Places that can help",
      "If you do not agree",
    ]);
    expect(letter.sections[1]?.paragraphs).toContain("Her reasons.");
    expect(letter.sections[2]?.paragraphs).toEqual(["“I want to see my pals”"]);
  });
});
