import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";
import { journey } from "../../testing/journey";

let cairn: Cairn;
let worker: TestUser;
let manager: TestUser;
let people: { id: string; outcomeId: string; budgetPence: number }[];
let providerId: string;

beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "North East Fife");
  manager = await demoUser(cairn, "team-manager", "North East Fife");
  const withBudget = ["budget-set", "provider-declined", "active"];
  const caseload = (await worker.get("/api/people")).body.people.filter((p: { stage: string }) =>
    withBudget.includes(p.stage),
  );
  people = [];
  for (const p of caseload.slice(0, 2)) {
    const record = (await worker.get(`/api/people/${p.id}`)).body;
    people.push({
      id: p.id,
      outcomeId: record.assessment.outcomes[0].id,
      budgetPence: record.budget.annualAmountPence,
    });
  }
  providerId = (await worker.get("/api/providers")).body.providers[0].id;
});
afterAll(() => cairn.close());

const careLine = (outcomeId: string, over: object = {}) => ({
  outcomeId,
  kind: "provider-service",
  description: "Help getting up and out in the mornings",
  option: "2",
  providerId,
  cost: { type: "hourly", hoursPerWeek: "7.5", hourlyRate: "24.60" },
  ...over,
});

describe("a support plan built on outcomes", () => {
  it("costs each support against the budget, and derives Option 4 from a mix", async () => {
    const [person] = people as [(typeof people)[number]];
    const saved = await worker.send("PUT", `/api/people/${person.id}/plan`, {
      changeSummary: "First plan, written with Mrs Taylor at home",
      lines: [
        careLine(person.outcomeId),
        {
          outcomeId: person.outcomeId,
          kind: "purchase",
          description: "A season ticket for the swimming pool",
          option: "1",
          cost: { type: "one-off", amount: "120.00" },
          howItMeetsOutcome: "Swimming keeps her moving and she meets her friends there",
        },
      ],
    });
    expect(saved.status).toBe(201);
    const { plan } = (await worker.get(`/api/people/${person.id}/plan`)).body;
    expect(plan.option).toBe("4");
    expect(plan.lines.map((l: { annualPence: number }) => l.annualPence)).toEqual([
      959_400, 12_000,
    ]);
    expect(plan.costing).toMatchObject({
      recurringAnnualPence: 959_400,
      oneOffPence: 12_000,
      totalPence: 971_400,
      leftPence: person.budgetPence - 971_400,
    });
    expect(plan.lines[0].outcome).toBeTruthy();
  });

  it.each([
    [
      { kind: "purchase", option: "1", providerId: null, cost: { type: "one-off", amount: "50" } },
      "lines.0.howItMeetsOutcome",
    ],
    [
      { kind: "personal-assistant", option: "1", providerId: null, familyMember: true },
      "lines.0.familyMemberReason",
    ],
    [
      { cost: { type: "hourly", hoursPerWeek: "7.333", hourlyRate: "24.60" } },
      "lines.0.cost.hoursPerWeek",
    ],
    [{ cost: { type: "weekly" } }, "lines.0.cost.type"],
    [{ providerId: "00000000-0000-4000-8000-000000000000" }, "lines.0.providerId"],
    [{ outcomeId: "00000000-0000-4000-8000-000000000000" }, "lines.0.outcomeId"],
  ])("refuses %o on %s and keeps the plan as it was", async (change, path) => {
    const [person] = people as [(typeof people)[number]];
    const before = (await worker.get(`/api/people/${person.id}/plan`)).body.plan.version;
    const reply = await worker.send("PUT", `/api/people/${person.id}/plan`, {
      changeSummary: "A change",
      lines: [careLine(person.outcomeId, change)],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await worker.get(`/api/people/${person.id}/plan`)).body.plan.version).toBe(before);
  });

  it("allows a close family member as a PA with the exceptional reason, and never blocks a legal purchase", async () => {
    const [person] = people as [(typeof people)[number]];
    const reply = await worker.send("PUT", `/api/people/${person.id}/plan`, {
      changeSummary: "Her daughter will be her PA at weekends",
      lines: [
        careLine(person.outcomeId, {
          kind: "personal-assistant",
          option: "1",
          providerId: null,
          familyMember: true,
          familyMemberReason:
            "No other PA will work weekends on the island; she chose her daughter.",
          cost: { type: "hourly", hoursPerWeek: "4", hourlyRate: "17.50" },
        }),
        careLine(person.outcomeId, {
          kind: "purchase",
          option: "1",
          providerId: null,
          description: "A tablet to video-call her grandchildren",
          cost: { type: "one-off", amount: "199.00" },
          howItMeetsOutcome: "She can see her family every week",
        }),
      ],
    });
    expect(reply.status).toBe(201);
  });

  it("records the person's choice for each support and shows the four principles", async () => {
    const [person] = people as [(typeof people)[number]];
    const { plan } = (await worker.get(`/api/people/${person.id}/plan`)).body;
    const reply = await worker.post(`/api/people/${person.id}/plan/choice`, {
      options: plan.lines.map((l: { id: string }) => ({ lineId: l.id, option: "1" })),
      participants: [
        { role: "person", name: "Mrs Taylor" },
        { role: "social-worker", name: "Eilidh MacLeod" },
      ],
      informationGiven: [
        { option: "1", how: "Easy-read leaflet on direct payments" },
        { option: "2", how: "Talked through with examples" },
      ],
      decidedBy: "person",
      reasons: "I want to employ my daughter and buy the tablet myself.",
    });
    expect(reply.status).toBe(201);
    const after = (await worker.get(`/api/people/${person.id}/plan`)).body.plan;
    expect(after.option).toBe("1");
    const unmet = after.principles.filter((p: { met: boolean }) => !p.met);
    expect(unmet.map((p: { principle: string }) => p.principle)).toEqual(["informed-choice"]);
    expect(unmet[0].evidence).toBe("No information is recorded about Option 3.");
    expect(after.history[0].changeSummary).toBe("Options chosen: Option 1, Option 1");
    expect(after.history.length).toBeGreaterThanOrEqual(3);
  });

  it("is approved by the worker within thresholds; over budget it needs a manager, never the author", async () => {
    const [, other] = people as [unknown, (typeof people)[number]];
    const over = Math.ceil(other.budgetPence / 100) + 1000;
    await worker.send("PUT", `/api/people/${other.id}/plan`, {
      changeSummary: "Full-time support",
      lines: [careLine(other.outcomeId, { cost: { type: "one-off", amount: `${over}.00` } })],
    });
    const byWorker = await worker.post(`/api/people/${other.id}/plan/decision`, {
      decision: "approved",
    });
    expect(byWorker.status).toBe(409);
    expect(byWorker.body.detail).toMatch(/team manager must approve.*more than the budget/);
    const returned = await manager.post(`/api/people/${other.id}/plan/decision`, {
      decision: "returned",
    });
    expect(returned.body.errors[0].path).toBe("note");
    const approved = await manager.post(`/api/people/${other.id}/plan/decision`, {
      decision: "approved",
    });
    expect(approved.status).toBe(201);
    const again = await manager.post(`/api/people/${other.id}/plan/decision`, {
      decision: "approved",
    });
    expect(again.status).toBe(409);
    const [person] = people as [(typeof people)[number]];
    expect(
      (await worker.post(`/api/people/${person.id}/plan/decision`, { decision: "approved" }))
        .status,
    ).toBe(201);
    expect(
      (await worker.get(`/api/people/${person.id}/plan`)).body.plan.approval.decision.decision,
    ).toBe("approved");
  });

  it("says who may approve when the author is the team's only manager, and how to unblock it", async () => {
    const [, other] = people as [unknown, (typeof people)[number]];
    const over = Math.ceil(other.budgetPence / 100) + 2000;
    const written = await manager.send("PUT", `/api/people/${other.id}/plan`, {
      changeSummary: "Written by the manager",
      lines: [careLine(other.outcomeId, { cost: { type: "one-off", amount: `${over}.00` } })],
    });
    expect(written.status).toBe(201);
    const own = await manager.post(`/api/people/${other.id}/plan/decision`, {
      decision: "approved",
    });
    expect(own.status).toBe(409);
    expect(own.body.detail).toMatch(
      /someone else must approve it\. No team manager other than Alison Grant can give the approval\. The allocated worker can write the next version/,
    );
    await worker.send("PUT", `/api/people/${other.id}/plan`, {
      changeSummary: "Rewritten by the worker",
      lines: [careLine(other.outcomeId, { cost: { type: "one-off", amount: `${over}.00` } })],
    });
    const { plan } = (await worker.get(`/api/people/${other.id}/plan`)).body;
    expect(plan.approval.waiting).toMatch(
      /^Waiting for approval by a team manager other than .+: Alison Grant\.$/,
    );
  });

  it("keeps every version: the database refuses to change one", async () => {
    expect(await cairn.database.query("select id from plan_decisions")).not.toEqual([]);
    await expect(
      cairn.database.query("update plan_versions set change_summary = 'x'"),
    ).rejects.toThrow(/append-only|permission denied/);
    await expect(cairn.database.query("delete from plan_decisions")).rejects.toThrow(
      /append-only|permission denied/,
    );
  });
});

describe("pooled support", () => {
  it("splits a shared short break between two plans, each seeing only their own share", async () => {
    const [a, b] = people as [(typeof people)[number], (typeof people)[number]];
    const created = await worker.post("/api/support-pools", {
      name: "Shared short break in Crail",
      description: "Two friends sharing staff for a week by the sea",
      cost: { type: "one-off", amount: "1000.01" },
      members: [{ personId: a.id }, { personId: b.id }],
    });
    expect(created.status).toBe(201);
    const shares = [];
    for (const p of [a, b]) {
      const { pools } = (await worker.get(`/api/people/${p.id}/pools`)).body;
      expect(pools).toHaveLength(1);
      expect(JSON.stringify(pools)).not.toContain(p === a ? b.id : a.id);
      expect(pools[0].oneOff).toBe(true);
      shares.push(pools[0].yourSharePence);
    }
    expect(shares).toEqual([50_001, 50_000]);
    const line = {
      outcomeId: a.outcomeId,
      kind: "pooled",
      description: "My share of the short break",
      option: "2",
      poolId: created.body.poolId,
    };
    expect(
      (
        await worker.send("PUT", `/api/people/${a.id}/plan`, {
          changeSummary: "Short break",
          lines: [line],
        })
      ).status,
    ).toBe(201);
    const { plan } = (await worker.get(`/api/people/${a.id}/plan`)).body;
    expect(plan.costing.totalPence).toBe(50_001);
    // A share of a one-off break is itself one-off: paid once, not every year.
    expect(plan.costing.oneOffPence).toBe(50_001);
    expect(plan.lines[0].cost).toEqual({ type: "one-off", amountPence: 50_001 });
  });

  it("refuses a pool with one person, or a person the worker does not hold", async () => {
    const [a] = people as [(typeof people)[number]];
    const one = await worker.post("/api/support-pools", {
      name: "x",
      description: "x",
      cost: { type: "one-off", amount: "10" },
      members: [{ personId: a.id }],
    });
    expect(one.body.errors[0].path).toBe("members");
    const stranger = (await manager.get("/api/people")).body.people.find(
      (p: { id: string }) => !people.some((q) => q.id === p.id),
    );
    const other = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const otherPerson = (await other.get("/api/people")).body.people[0];
    const refused = await worker.post("/api/support-pools", {
      name: "x",
      description: "x",
      cost: { type: "one-off", amount: "10" },
      members: [{ personId: a.id }, { personId: otherPerson.id }],
    });
    expect(refused.status).toBe(403);
    expect(stranger).toBeDefined();
  });

  it("says what each may do with the plan, from the policy, so the page never compares roles", async () => {
    const j = await journey(cairn).plan();
    const may = async (user: TestUser) =>
      (await user.get(`/api/people/${j.personId}/plan`)).body.may;
    expect(await may(j.worker)).toEqual({
      update: true,
      choose: true,
      approve: true,
      createPool: true,
    });
    expect(await may(j.person)).toEqual({
      update: false,
      choose: true,
      approve: false,
      createPool: false,
    });
  });
});
