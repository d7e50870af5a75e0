import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import {
  budgetSetPerson,
  type Planner,
  paLine,
  serviceLine,
  signedPlan,
} from "../../testing/agreements";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Counting people once: by the agreements in force for them, whichever option carries them.

let cairn: Cairn;
let commissioner: TestUser;
let providerIds: string[];
let direct: Planner;
let twoProviders: Planner;

beforeAll(async () => {
  cairn = await startTestCairn();
  commissioner = await demoUser(cairn, "commissioner");
  // Both found before either moves on from "budget-set".
  direct = await budgetSetPerson(cairn, 0);
  twoProviders = await budgetSetPerson(cairn, 1);
  providerIds = [...direct.staff.keys()];
});
afterAll(() => cairn.close());

const summary = async () => (await commissioner.get("/api/reports/summary")).body;
const stageOf = async (p: Planner) => (await p.signer.get(`/api/people/${p.personId}`)).body.stage;
const budgetOf = async (p: Planner) =>
  (await p.signer.get(`/api/people/${p.personId}`)).body.budget.annualAmountPence as number;

describe("the summary counts each person once, by the agreements in force", () => {
  it("shows an Option 1 person with a signed direct payment agreement as support in place", async () => {
    const p = direct;
    const before = await summary();
    await signedPlan(p, [paLine, { ...paLine, description: "A PA for the shopping" }]);
    const after = await summary();
    expect(await stageOf(p)).toBe("active");
    expect(after.peopleByStage.active).toBe(before.peopleByStage.active + 1);
    expect(after.peopleByStage["budget-set"]).toBe(before.peopleByStage["budget-set"] - 1);
    expect(after.plansByOption["1"]).toBe(before.plansByOption["1"] + 1);
    expect(after.activeAnnualBudgetPence).toBe(
      before.activeAnnualBudgetPence + (await budgetOf(p)),
    );
  });

  it("counts that person as Option 4 once a provider-held budget is in force beside it", async () => {
    const p = direct;
    const before = await summary();
    await signedPlan(p, [paLine, serviceLine("2", providerIds[0] as string, "Help at home")]);
    const after = await summary();
    expect(after.plansByOption["1"]).toBe(before.plansByOption["1"] - 1);
    expect(after.plansByOption["2"]).toBe(before.plansByOption["2"]);
    expect(after.plansByOption["4"]).toBe((before.plansByOption["4"] ?? 0) + 1);
    expect(after.activeAnnualBudgetPence).toBe(before.activeAnnualBudgetPence);
    expect(after.people).toBe(before.people);
  });

  it("counts an Option 2 person with two providers once, and their budget once", async () => {
    const p = twoProviders;
    const before = await summary();
    const made = await signedPlan(p, [
      serviceLine("2", providerIds[0] as string, "Help at home"),
      serviceLine("2", providerIds[1] as string, "Getting out on Saturdays"),
    ]);
    expect(made).toHaveLength(2);
    const after = await summary();
    expect(await stageOf(p)).toBe("active");
    expect(after.plansByOption["2"]).toBe(before.plansByOption["2"] + 1);
    expect(after.activeAnnualBudgetPence).toBe(
      before.activeAnnualBudgetPence + (await budgetOf(p)),
    );
  });
});
