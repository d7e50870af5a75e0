import { describe, expect, it } from "vitest";
import type { AssessmentStatus } from "../assessment/vocabulary";
import {
  cannotDecide,
  DEFAULT_SIGN_OFF,
  type EligibilityCriteria,
  isEligible,
  levelsNeedingSignOff,
  type RiskLevel,
  type SignOffSetting,
  signOffWords,
} from "./rules";

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

const always = DEFAULT_SIGN_OFF;
const never: SignOffSetting = { rule: "never", fromLevel: null };
const fromSubstantial: SignOffSetting = { rule: "from-level", fromLevel: "substantial" };

describe("levelsNeedingSignOff: the council's sign-off setting", () => {
  it.each<[string, SignOffSetting, RiskLevel[]]>([
    ["always (the default)", always, ["critical", "substantial", "moderate", "low"]],
    ["never", never, []],
    ["from substantial", fromSubstantial, ["critical", "substantial"]],
    ["from critical", { rule: "from-level", fromLevel: "critical" }, ["critical"]],
    [
      "from low",
      { rule: "from-level", fromLevel: "low" },
      ["critical", "substantial", "moderate", "low"],
    ],
  ])("%s", (_name, setting, levels) => {
    expect(levelsNeedingSignOff(setting)).toEqual(levels);
  });

  it("says the setting in words", () => {
    expect(signOffWords(always)).toMatch(/every assessment/);
    expect(signOffWords(never)).toMatch(/not signed off/);
    expect(signOffWords(fromSubstantial)).toMatch(/critical or substantial risk/);
  });
});

describe("cannotDecide: eligibility follows the sign-off setting", () => {
  const facts = (assessment: AssessmentStatus | null) => ({
    assessment,
    eligible: null,
    hasBudget: false,
    planStatus: null,
    supportInForce: false,
  });
  it.each<[AssessmentStatus | null, SignOffSetting, RiskLevel, RegExp | null]>([
    [null, never, "low", /Record an assessment/],
    ["draft", never, "low", /Submit the assessment/],
    ["returned", never, "low", /Submit the assessment/],
    ["submitted", always, "low", /signed off by a team manager/],
    ["approved", always, "critical", null],
    ["submitted", never, "critical", null],
    ["submitted", fromSubstantial, "moderate", null],
    ["submitted", fromSubstantial, "substantial", /signed off by a team manager/],
    ["completed", fromSubstantial, "low", null],
    ["completed", fromSubstantial, "critical", /start a new assessment/],
  ])("%s assessment, %o, %s risk", (status, setting, level, reason) => {
    const blocked = cannotDecide(facts(status), setting, level);
    if (reason) expect(blocked).toMatch(reason);
    else expect(blocked).toBeNull();
  });
});
