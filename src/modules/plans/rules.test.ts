import { describe, expect, it } from "vitest";
import { cannotSetBudget } from "../budgets/rules";
import type { JourneyFacts } from "../people/stage";
import {
  cannotChoose,
  cannotRespond,
  lineErrors,
  lineProblems,
  linesBlocked,
  sharedBeforeAcceptance,
  standingOf,
} from "./rules";

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

describe("lineProblems: the rules about a plan's lines, whichever route writes them", () => {
  type Line = Parameters<typeof lineProblems>[0][number];
  const pa: Line = {
    kind: "personal-assistant",
    option: "1",
    providerId: null,
    poolId: null,
    howItMeetsOutcome: "",
    familyMemberReason: null,
  };
  it.each<[string, Partial<Line>, string[]]>([
    ["a PA who is not family, on Option 1", {}, []],
    [
      "a family-member PA on Option 3 without a reason",
      { familyMemberReason: "", option: "3" },
      [],
    ],
    [
      "a family-member PA on Option 1 without a reason",
      { familyMemberReason: "  " },
      ["familyMemberReason"],
    ],
    [
      "a family-member PA on Option 1 with the reason",
      { familyMemberReason: "End of life care" },
      [],
    ],
    [
      "family member marked on a service",
      { kind: "community", familyMemberReason: "x" },
      ["familyMember"],
    ],
    [
      "a provider's service with no provider",
      { kind: "provider-service", option: "2" },
      ["providerId"],
    ],
    ["a shared support with no pool", { kind: "pooled" }, ["poolId"]],
    ["a purchase without how it helps", { kind: "purchase" }, ["howItMeetsOutcome"]],
    ["a purchase saying how it helps", { kind: "purchase", howItMeetsOutcome: "Swims" }, []],
  ])("%s", (_name, change, fields) => {
    const line = { ...pa, ...change } as Parameters<typeof lineProblems>[0][number];
    expect(lineProblems([pa, line]).map((p) => [p.line, p.field])).toEqual(
      fields.map((f) => [1, f]),
    );
  });

  it("names the field on the plan form, and the support when a stored version is refused", () => {
    const broken = { ...pa, familyMemberReason: "", description: "Daughter as PA" };
    expect(lineErrors(lineProblems([broken]))).toEqual([
      {
        path: "lines.0.familyMemberReason",
        message: "Employing a close family member needs the exceptional reason recorded",
      },
    ]);
    expect(linesBlocked([broken])).toMatch(/^“Daughter as PA”: Employing a close family/);
    expect(linesBlocked([{ ...broken, option: "3" }])).toBeNull();
  });
});

describe("what a provider asked sees", () => {
  it("stands asked until it takes the request on", () => {
    expect(standingOf("awaiting-provider")).toBe("asked-provider");
    expect(standingOf("declined")).toBe("asked-provider");
    expect(standingOf("active")).toBe("supporting-provider");
  });

  it("sees what matters to the person only once supporting them, or where they agreed", () => {
    expect(sharedBeforeAcceptance({ status: "awaiting-provider", shareOutcomes: false })).toBe(
      false,
    );
    expect(sharedBeforeAcceptance({ status: "awaiting-provider", shareOutcomes: true })).toBe(true);
    expect(sharedBeforeAcceptance({ status: "active", shareOutcomes: false })).toBe(true);
  });
});
