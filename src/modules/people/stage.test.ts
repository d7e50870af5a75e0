import { describe, expect, it } from "vitest";
import { type JourneyFacts, journeyStage, type Stage } from "./stage";

const none: JourneyFacts = {
  hasAssessment: false,
  eligible: null,
  hasBudget: false,
  planStatus: null,
};

describe("journeyStage", () => {
  it.each<[string, Partial<JourneyFacts>, Stage]>([
    ["only a referral", {}, "referred"],
    ["assessed, no decision yet", { hasAssessment: true }, "assessed"],
    ["found not eligible", { hasAssessment: true, eligible: false }, "not-eligible"],
    ["found eligible", { hasAssessment: true, eligible: true }, "eligible"],
    ["budget set", { hasAssessment: true, eligible: true, hasBudget: true }, "budget-set"],
    [
      "choice sent to a provider",
      { hasBudget: true, planStatus: "awaiting-provider" },
      "awaiting-provider",
    ],
    ["provider declined", { hasBudget: true, planStatus: "declined" }, "provider-declined"],
    ["provider accepted", { hasBudget: true, planStatus: "active" }, "active"],
  ])("%s", (_name, facts, stage) => {
    expect(journeyStage({ ...none, ...facts })).toBe(stage);
  });
});
