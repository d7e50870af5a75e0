import { describe, expect, it } from "vitest";
import { DEFAULT_AUTHORITY } from "../budgets/rules";
import {
  budgetForApprovedPlan,
  cannotApprovePlan,
  type PlanDecisionFacts,
  planApprovalNeeded,
} from "./approval";
import { costPlan } from "./costing";

const plan = (totalPence: number, budgetPence: number) =>
  costPlan([{ option: "2", cost: { type: "one-off", amountPence: totalPence } }], budgetPence);

describe("planApprovalNeeded", () => {
  it.each<[string, number, number, RegExp | null]>([
    ["within budget and authority", 1_000_000, 1_200_000, null],
    ["over its budget", 1_300_000, 1_200_000, /£1,000\.00 more than the budget/],
    ["beyond the worker's authority", 3_100_000, 4_000_000, /limit of a social worker's authority/],
  ])("%s", (_name, total, budget, reason) => {
    const needed = planApprovalNeeded(plan(total, budget), DEFAULT_AUTHORITY);
    if (reason) expect(needed).toMatch(reason);
    else expect(needed).toBeNull();
  });
});

describe("cannotApprovePlan", () => {
  const facts: PlanDecisionFacts = {
    linesBlocked: null,
    needsManager: null,
    authorId: "w1",
    decided: false,
    hasLines: true,
  };
  it.each<[string, Partial<typeof facts>, { id: string; role: string }, RegExp | null]>([
    [
      "a worker approves a plan within authority, even their own",
      {},
      { id: "w1", role: "social-worker" },
      null,
    ],
    [
      "a manager approves one that needs it",
      { needsManager: "over" },
      { id: "m1", role: "team-manager" },
      null,
    ],
    [
      "a worker cannot approve one that needs a manager",
      { needsManager: "over" },
      { id: "w2", role: "social-worker" },
      /team manager must approve/,
    ],
    [
      "the author cannot approve their own, even as manager",
      { needsManager: "over", authorId: "m1" },
      { id: "m1", role: "team-manager" },
      /someone else/,
    ],
    [
      "a version is decided once",
      { decided: true },
      { id: "m1", role: "team-manager" },
      /already been decided/,
    ],
    [
      "a version whose lines break a rule is not approved",
      { linesBlocked: "“PA”: Employing a close family member needs the exceptional reason" },
      { id: "w1", role: "social-worker" },
      /exceptional reason/,
    ],
    [
      "an empty plan is not approved",
      { hasLines: false },
      { id: "w1", role: "social-worker" },
      /at least one support/,
    ],
  ])("%s", (_name, change, approver, reason) => {
    const blocked = cannotApprovePlan({ ...facts, ...change }, approver);
    if (reason) expect(blocked).toMatch(reason);
    else expect(blocked).toBeNull();
  });
});

describe("budgetForApprovedPlan", () => {
  it("records the plan's cost as the budget, saying why and who approved it", () => {
    expect(
      budgetForApprovedPlan(plan(1_365_520, 1_300_000), { version: 2 }, "Morag Reid", "Agreed"),
    ).toEqual({
      annualAmountPence: 1_365_520,
      reason:
        "Raised from £13,000.00 to £13,655.20 to meet version 2 of the support plan, approved over budget by Morag Reid: Agreed",
    });
  });

  it("changes no budget for a plan within it", () => {
    expect(budgetForApprovedPlan(plan(1_300_000, 1_300_000), { version: 1 }, "M", "")).toBeNull();
  });
});
