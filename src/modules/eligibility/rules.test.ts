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
  it("needs an assessment first", () => {
    const facts = { hasAssessment: false, eligible: null, hasBudget: false, planStatus: null };
    expect(cannotDecide(facts)).toMatch(/assessment/);
    expect(cannotDecide({ ...facts, hasAssessment: true })).toBeNull();
  });
});
