import { describe, expect, it } from "vitest";
import { type JourneyFacts, journeyStage, type Stage } from "./stage";

const none: JourneyFacts = {
  assessment: null,
  eligible: null,
  hasBudget: false,
  planStatus: null,
  supportInForce: false,
};

describe("journeyStage", () => {
  it.each<[string, Partial<JourneyFacts>, Stage]>([
    ["only a referral", {}, "referred"],
    ["assessment in draft", { assessment: "draft" }, "assessing"],
    ["assessment waiting for sign-off", { assessment: "submitted" }, "assessing"],
    ["assessment returned to its author", { assessment: "returned" }, "assessing"],
    ["assessed and signed off, no decision yet", { assessment: "approved" }, "assessed"],
    ["found not eligible", { assessment: "approved", eligible: false }, "not-eligible"],
    ["found eligible", { assessment: "approved", eligible: true }, "eligible"],
    ["budget set", { assessment: "approved", eligible: true, hasBudget: true }, "budget-set"],
    [
      "choice sent to a provider",
      { hasBudget: true, planStatus: "awaiting-provider" },
      "awaiting-provider",
    ],
    ["provider declined", { hasBudget: true, planStatus: "declined" }, "provider-declined"],
    ["provider accepted", { hasBudget: true, planStatus: "active" }, "active"],
    [
      "Option 1 only: a direct payment agreement in force",
      { hasBudget: true, supportInForce: true },
      "active",
    ],
    [
      "an agreement in force while a new request waits for a provider",
      { hasBudget: true, planStatus: "awaiting-provider", supportInForce: true },
      "active",
    ],
  ])("%s", (_name, facts, stage) => {
    expect(journeyStage({ ...none, ...facts })).toBe(stage);
  });
});
