import { describe, expect, it } from "vitest";
import { cannotDecide, type EligibilityCriteria, isEligible, type RiskLevel } from "./rules";

describe("isEligible", () => {
  const generous: EligibilityCriteria = { fundedLevels: ["critical", "substantial", "moderate"] };
  it.each<[RiskLevel, boolean, boolean]>([
    ["critical", true, true],
    ["substantial", true, true],
    ["moderate", false, true],
    ["low", false, false],
  ])("%s: default %s, generous council %s", (level, byDefault, byGenerous) => {
    expect(isEligible(level)).toBe(byDefault);
    expect(isEligible(level, generous)).toBe(byGenerous);
  });
});

describe("cannotDecide", () => {
  it("needs a signed-off assessment first", () => {
    const facts = {
      assessment: null,
      eligible: null,
      hasBudget: false,
      planStatus: null,
      supportInForce: false,
    };
    expect(cannotDecide(facts)).toMatch(/assessment/);
    expect(cannotDecide({ ...facts, assessment: "submitted" })).toMatch(/signed off/);
    expect(cannotDecide({ ...facts, assessment: "approved" })).toBeNull();
  });
});
