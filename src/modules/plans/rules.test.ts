import { describe, expect, it } from "vitest";
import { cannotSetBudget } from "../budgets/rules";
import type { JourneyFacts } from "../people/stage";
import { cannotChoose, cannotRespond } from "./rules";

const facts = (f: Partial<JourneyFacts>): JourneyFacts => ({
  assessment: "approved",
  eligible: true,
  hasBudget: true,
  planStatus: null,
  supportInForce: false,
  ...f,
});

describe("journey state guards", () => {
  it.each<[string, Partial<JourneyFacts>, boolean]>([
    ["budget set, no plan", {}, true],
    ["no budget", { hasBudget: false }, false],
    ["awaiting a provider", { planStatus: "awaiting-provider" }, false],
    ["already active", { planStatus: "active" }, false],
    ["provider declined: choose again", { planStatus: "declined" }, true],
  ])("choosing an option when %s", (_name, f, allowed) => {
    expect(cannotChoose(facts(f)) === null).toBe(allowed);
  });

  it.each<[string, Partial<JourneyFacts>, boolean]>([
    ["eligible", {}, true],
    ["not eligible", { eligible: false }, false],
    ["no decision", { eligible: null }, false],
    ["awaiting a provider", { planStatus: "awaiting-provider" }, false],
  ])("setting a budget when %s", (_name, f, allowed) => {
    expect(cannotSetBudget(facts(f)) === null).toBe(allowed);
  });

  it("lets a provider answer only once", () => {
    expect(cannotRespond("awaiting-provider")).toBeNull();
    expect(cannotRespond("active")).toMatch(/already/);
    expect(cannotRespond("declined")).toMatch(/already/);
  });
});
