import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, signedOffAssessment, startTestCairn, type TestUser } from "../../testing/api";

let cairn: Cairn;
let worker: TestUser;
let manager: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  manager = await demoUser(cairn, "team-manager", "Kirkcaldy");
});
afterAll(() => cairn.close());

/** A person found eligible, ready for a budget, held by `by`. */
async function eligiblePerson(by: TestUser, givenName: string) {
  const localityId = (await by.get("/api/localities")).body.localities[0].id;
  const { personId } = (
    await by.post("/api/referrals", {
      person: { givenName, familyName: "Budgeted", dateOfBirth: "1950-05-05", localityId },
      source: "gp",
      urgency: "routine",
      reason: "x",
      confirmedNew: true,
    })
  ).body;
  await signedOffAssessment(cairn, by, personId, {
    summary: "x",
    outcomes: [{ inOwnWords: "a", need: "b", nationalOutcome: "health" }],
  });
  await by.post(`/api/people/${personId}/eligibility-decisions`, {
    riskLevel: "critical",
    reasons: "x",
  });
  return personId as string;
}

describe("budgets above a social worker's authority", () => {
  it("takes effect only once a team manager approves, and is kept with who and why", async () => {
    const personId = await eligiblePerson(worker, "Large");
    const proposed = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "40,000",
      reason: "Two staff at night",
    });
    expect(proposed.body.approvalNeeded).toMatch(/Above £30,000.00/);
    let record = (await worker.get(`/api/people/${personId}`)).body;
    expect(record.budget).toBeNull();
    expect(record.stage).toBe("eligible");
    expect(record.pendingBudget).toMatchObject({ annualAmountPence: 4_000_000 });
    const waiting = (await manager.get("/api/budgets/awaiting-approval")).body.budgets;
    expect(waiting.map((b: { id: string }) => b.id)).toContain(proposed.body.id);
    expect(
      (
        await worker.post(`/api/budget-entries/${proposed.body.id}/approval`, {
          decision: "approved",
        })
      ).status,
    ).toBe(403);
    const rejectWithoutReason = await manager.post(
      `/api/budget-entries/${proposed.body.id}/approval`,
      { decision: "rejected" },
    );
    expect(rejectWithoutReason.body.errors[0].path).toBe("note");
    expect(
      (
        await manager.post(`/api/budget-entries/${proposed.body.id}/approval`, {
          decision: "approved",
        })
      ).status,
    ).toBe(200);
    record = (await worker.get(`/api/people/${personId}`)).body;
    expect(record.budget).toMatchObject({ annualAmountPence: 4_000_000 });
    expect(record.pendingBudget).toBeNull();
    expect(record.stage).toBe("budget-set");
    expect(
      (
        await manager.post(`/api/budget-entries/${proposed.body.id}/approval`, {
          decision: "approved",
        })
      ).status,
    ).toBe(409);
    await expect(cairn.database.query("delete from budget_approvals")).rejects.toThrow(
      /append-only|permission denied/,
    );
  });

  it("asks for approval when an adjustment goes further from the RAS amount than allowed", async () => {
    const personId = await eligiblePerson(worker, "Adjusted");
    const ras = await worker.post(`/api/people/${personId}/indicative-budget`, {
      careGroup: "older people",
      answers: {
        "personal-care": "some",
        "getting-out": "weekly",
        "daily-living": "some",
        safety: "low",
      },
    });
    expect(ras.body).toMatchObject({ totalPence: 720_000, approvalNeeded: null }); // 24 points at £300
    const small = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "7,900",
      reason: "A little more for transport",
    });
    expect(small.body.approvalNeeded).toBeNull();
    const large = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "9,000",
      reason: "Much more for transport",
    });
    expect(large.body.approvalNeeded).toMatch(/More than 10% from the RAS amount of £7,200.00/);
    const record = (await worker.get(`/api/people/${personId}`)).body;
    expect(record.budget.annualAmountPence).toBe(790_000);
    expect(record.pendingBudget.annualAmountPence).toBe(900_000);
  });

  it("never lets a manager approve an amount they proposed", async () => {
    const personId = await eligiblePerson(worker, "Own"); // the manager then proposes the amount
    const proposed = await manager.post(`/api/people/${personId}/budgets`, {
      annualAmount: "45000",
      reason: "x",
    });
    const own = await manager.post(`/api/budget-entries/${proposed.body.id}/approval`, {
      decision: "approved",
    });
    expect(own.status).toBe(409);
    expect(own.body.detail).toMatch(/someone else/);
    // Never a dead end: the refusal says who may act, and the worker's proposal unblocks it.
    expect(own.body.detail).toMatch(
      /No team manager other than Fiona Drummond can give the approval\. The allocated worker can propose the amount again/,
    );
    const again = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "45000",
      reason: "Proposed again by the worker",
    });
    const approved = await manager.post(`/api/budget-entries/${again.body.id}/approval`, {
      decision: "approved",
    });
    expect(approved.body).toEqual({ decision: "approved" });
  });
});

describe("one budget, several funding streams", () => {
  it("keeps each stream's amount and reporting, and refuses streams that do not make up the whole", async () => {
    const personId = await eligiblePerson(worker, "Streams");
    const short = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "12,000",
      reason: "Care and health together",
      streams: [
        { stream: "social-care", annualAmount: "8,000" },
        { stream: "health", annualAmount: "3,999.99" },
      ],
    });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      {
        path: "streams",
        message: expect.stringMatching(/£11,999.99, not the budget of £12,000.00/),
      },
    ]);
    const badAmount = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "12,000",
      reason: "x",
      streams: [{ stream: "health", annualAmount: "lots" }],
    });
    expect(badAmount.body.errors[0].path).toBe("streams.0.annualAmount");
    const ok = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "12,000",
      reason: "Care and health together",
      streams: [
        { stream: "social-care", annualAmount: "8,000" },
        { stream: "health", annualAmount: "4,000", reporting: "Quarterly return to the NHS board" },
      ],
    });
    expect(ok.status).toBe(201);
    const { budget } = (await worker.get(`/api/people/${personId}`)).body;
    expect(budget.streams).toEqual([
      {
        stream: "social-care",
        annualAmountPence: 800_000,
        weeklyAmountPence: 15_385,
        reporting: "",
      },
      {
        stream: "health",
        annualAmountPence: 400_000,
        weeklyAmountPence: 7_692,
        reporting: "Quarterly return to the NHS board",
      },
    ]);
    const single = await eligiblePerson(worker, "Single");
    await worker.post(`/api/people/${single}/budgets`, { annualAmount: "5200", reason: "x" });
    expect((await worker.get(`/api/people/${single}`)).body.budget.streams).toEqual([
      {
        stream: "social-care",
        annualAmountPence: 520_000,
        weeklyAmountPence: 10_000,
        reporting: "",
      },
    ]);
  });
});

describe("the council sets the limits of authority", () => {
  it("applies new limits to amounts set from then on, and only administrators change them", async () => {
    const admin = await demoUser(cairn, "administrator");
    expect(
      (
        await manager.post("/api/budget-authority", {
          maxAnnualAmount: "1",
          maxAdjustmentPercent: 1,
        })
      ).status,
    ).toBe(403);
    const bad = await admin.post("/api/budget-authority", {
      maxAnnualAmount: "lots",
      maxAdjustmentPercent: 150,
    });
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["maxAdjustmentPercent"]);
    const set = await admin.post("/api/budget-authority", {
      maxAnnualAmount: "50,000",
      maxAdjustmentPercent: 10,
    });
    expect(set.body).toEqual({ maxAnnualPence: 5_000_000, maxAdjustmentBasisPoints: 1_000 });
    const personId = await eligiblePerson(worker, "Limits");
    const within = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "45,000",
      reason: "x",
    });
    expect(within.body.approvalNeeded).toBeNull();
    await admin.post("/api/budget-authority", {
      maxAnnualAmount: "30,000",
      maxAdjustmentPercent: 10,
    });
  });
});

describe("who may read the limits of authority", () => {
  const audited = async (role: string, outcome: string) =>
    Number(
      (
        await cairn.database.query<{ n: string }>(
          `select count(*) as n from audit_log where resource_type = 'budget-authority'
             and action = 'read' and actor_role = '${role}' and outcome = '${outcome}'`,
        )
      )[0]?.n,
    );

  it("shows them to council staff who set or use budgets, audited", async () => {
    const staff = [
      "social-worker",
      "team-manager",
      "finance-officer",
      "commissioner",
      "administrator",
    ];
    for (const role of staff) {
      const before = await audited(role, "allowed");
      const read = await (await demoUser(cairn, role)).get("/api/budget-authority");
      expect(read.status).toBe(200);
      expect(read.body.maxAnnualPence).toBeGreaterThan(0);
      expect(await audited(role, "allowed")).toBe(before + 1);
    }
  });

  it("refuses the person, their representative and providers, and audits each refusal", async () => {
    for (const role of ["supported-person", "representative", "provider-staff"]) {
      const before = await audited(role, "denied");
      const refused = await (await demoUser(cairn, role)).get("/api/budget-authority");
      expect(refused.status).toBe(403);
      expect(refused.headers["content-type"]).toContain("application/problem+json");
      expect(await audited(role, "denied")).toBe(before + 1);
    }
  });
});
