import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../server";
import { startTestCairn } from "../testing/api";
import { type Journeyed, journey } from "../testing/journey";

// Money follows the plan exactly: a plan line's amount is the contract's, the ledger's and the
// statement's, whether it is a pooled share, one-off, recurring, or over the budget.

// Each test takes its own new person along the journey, so any test runs alone or in any order.

let cairn: Cairn;

beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

/** A new person with a budget of £7,831.20, not yet planned. */
const budgetSet = () => journey(cairn).budget("7831.20");

/** The month after `period`, "2026-12" -> "2027-01". */
const next = (period: string, months = 1) =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1 + months, 1))
    .toISOString()
    .slice(0, 7);

const contractsOf = async ({ worker, personId }: Journeyed) =>
  (await worker.get(`/api/people/${personId}/contracts`)).body.contracts;

async function approveAndSign(j: Journeyed) {
  const { worker, person, provider, personId } = j;
  expect(
    (await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" })).status,
  ).toBe(201);
  expect((await worker.post(`/api/people/${personId}/contracts`, {})).status).toBe(201);
  const [contract] = await contractsOf(j);
  for (const [as, party] of [
    [person, "person"],
    [provider, "provider"],
    [worker, "council"],
  ] as const) {
    const signed = await as.post(`/api/contracts/${contract.id}/signatures`, {
      party,
      version: contract.version,
      documentHash: contract.documentHash,
    });
    expect(signed.status).toBe(201);
  }
  return contract;
}

const fundTotal = async (contractId: string, keyPrefix = "") =>
  Number(
    (
      await cairn.database.query<{ pence: string | null }>(
        `select sum(e.pence) as pence from ledger_entries e
         join ledger_transactions t on t.id = e.transaction_id
         where e.account = $1 and t.idempotency_key like $2`,
        [`fund:${contractId}`, `${keyPrefix}%`],
      )
    )[0]?.pence ?? 0,
  );

const statement = async ({ person, personId }: Journeyed, period: string) =>
  (await person.get(`/api/people/${personId}/statements/${period}`)).body.statements[0].statement;

/** A pooled one-off share of a short break with another person, planned, approved and signed. */
async function pooledShare(j: Journeyed) {
  const { worker, personId, outcomeId, providerId } = j;
  const otherId = (await worker.get("/api/people")).body.people.find(
    (p: { id: string }) => p.id !== personId,
  ).id;
  const pool = await worker.post("/api/support-pools", {
    name: "Shared short break in Crail",
    description: "Two friends sharing staff for a week by the sea",
    cost: { type: "one-off", amount: "1000.01" },
    members: [{ personId }, { personId: otherId }],
  });
  expect(pool.status).toBe(201);
  const put = await worker.send("PUT", `/api/people/${personId}/plan`, {
    changeSummary: "A short break shared with a friend",
    lines: [
      {
        outcomeId,
        kind: "pooled",
        description: "My share of the short break",
        option: "2",
        providerId,
        poolId: pool.body.poolId,
      },
    ],
  });
  expect(put.status).toBe(201);
  const { plan } = (await worker.get(`/api/people/${personId}/plan`)).body;
  expect(plan.lines[0].annualPence).toBe(50_001);
  // The same line again in the next version (its id kept), as the plan page sends it.
  const { id, kind, description, option, poolId } = plan.lines[0];
  const poolLine = { id, outcomeId, kind, description, option, providerId, poolId };
  const contract = await approveAndSign(j);
  return { poolLine, contract, contractId: contract.id, month: contract.terms.oneOffs[0].month };
}

/** Finance runs the allocation for thirteen months from `month`. */
async function allocateYear({ finance }: Journeyed, month: string) {
  for (let i = 0; i < 13; i++)
    expect((await finance.post("/api/ledger/allocations", { period: next(month, i) })).status).toBe(
      201,
    );
}

describe("a pooled one-off share", () => {
  it("is the person's share in the contract, not £0, and the provider can see it", async () => {
    const j = await budgetSet();
    const { contract, month } = await pooledShare(j);
    expect(contract.terms).toMatchObject({
      annualPence: 0,
      supports: [],
      oneOffs: [{ description: "My share of the short break", pence: 50_001, month }],
    });
    expect(JSON.stringify(contract.document)).toContain("The budget is £500.01 once, in ");
    const seen = await j.provider.get(`/api/people/${j.personId}/pools`);
    expect(seen.status).toBe(200);
    expect(seen.body.pools).toMatchObject([{ yourSharePence: 50_001, oneOff: true }]);
  });

  it("is allocated once, in its month, over thirteen months, and the statement says so", async () => {
    const j = await budgetSet();
    const { contractId, month } = await pooledShare(j);
    await allocateYear(j, month);
    expect(await fundTotal(contractId)).toBe(50_001);
    expect((await statement(j, month)).cameIn).toEqual([
      { label: "From the council, once only: My share of the short break", pence: 50_001 },
    ]);
    expect((await statement(j, next(month))).cameIn).toEqual([]);
  });
});

describe("one-off and recurring money together", () => {
  it("pays the recurring twelfth monthly and each one-off once, across contract versions", async () => {
    const j = await budgetSet();
    const { worker, finance, personId, outcomeId, providerId } = j;
    const { poolLine, contractId, month } = await pooledShare(j);
    await allocateYear(j, month); // the pooled share is paid under version 1
    const put = await worker.send("PUT", `/api/people/${personId}/plan`, {
      changeSummary: "A holiday and a weekly club as well",
      lines: [
        poolLine,
        {
          outcomeId,
          kind: "purchase",
          description: "A week's holiday",
          option: "2",
          providerId,
          cost: { type: "one-off", amount: "1200.00" },
          howItMeetsOutcome: "A rest by the sea",
        },
        {
          outcomeId,
          kind: "community",
          description: "A gardening club",
          option: "2",
          providerId,
          cost: { type: "recurring", amount: "10.00", per: "week" },
        },
      ],
    });
    expect(put.status).toBe(201);
    const contract = await approveAndSign(j);
    expect(contract.id).toBe(contractId);
    expect(contract.changeSummary).toContain("The budget changes from £0.00 to £520.00 a year.");
    expect(JSON.stringify(contract.document)).toContain(
      "The budget is £520.00 a year (about £10.00 a week), and £500.01 once, in ",
    );
    expect(JSON.stringify(contract.document)).not.toContain("£1,200.00 a year");
    for (let i = 0; i < 13; i++)
      await finance.post("/api/ledger/allocations", { period: next(month, i) });
    // The pooled share was paid under version 1: never again. The holiday once.
    expect(await fundTotal(contractId, "one-off:")).toBe(50_001 + 1_200_00);
    const recurring = await fundTotal(contractId, "allocation:");
    expect(recurring).toBeGreaterThanOrEqual(520_00);
    expect(recurring).toBeLessThan(520_00 + 45_00); // one year, and at most one month more
    expect((await statement(j, month)).cameIn).toContainEqual({
      label: "From the council, once only: A week's holiday",
      pence: 1_200_00,
    });
  });
});

describe("a plan approved over its budget", () => {
  it("records the new budget, with the reason and the manager, so the money agrees", async () => {
    const { worker, manager, personId, outcomeId, providerId } = await budgetSet();
    const before = (await worker.get(`/api/people/${personId}`)).body.budget.annualAmountPence;
    const put = await worker.send("PUT", `/api/people/${personId}/plan`, {
      changeSummary: "More hours than the budget allows",
      lines: [
        {
          outcomeId,
          kind: "provider-service",
          description: "Help at home",
          option: "2",
          providerId,
          cost: { type: "hourly", hoursPerWeek: "40", hourlyRate: "25.00" },
        },
      ],
    });
    expect(put.status).toBe(201);
    const { plan } = (await worker.get(`/api/people/${personId}/plan`)).body;
    expect(plan.costing.totalPence).toBe(52_000_00);
    expect(before).toBeLessThan(52_000_00);
    const byWorker = await worker.post(`/api/people/${personId}/plan/decision`, {
      decision: "approved",
    });
    expect(byWorker.status).toBe(409);
    const approved = await manager.post(`/api/people/${personId}/plan/decision`, {
      decision: "approved",
      note: "Needed after the fall in March",
    });
    expect(approved.status).toBe(201);
    expect(approved.body.budget.annualAmountPence).toBe(52_000_00);
    const budget = (await worker.get(`/api/people/${personId}`)).body.budget;
    expect(budget.annualAmountPence).toBe(52_000_00);
    expect(budget.reason).toMatch(/approved over budget by .+: Needed after the fall in March$/);
    const [approval] = await cairn.database.query<{ decided_by: string; decision: string }>(
      "select decided_by, decision from budget_approvals where budget_entry_id = $1",
      [budget.id],
    );
    const managerId = (await manager.get("/api/session")).body.user.id;
    expect(approval).toEqual({ decided_by: managerId, decision: "approved" });
    expect((await worker.post(`/api/people/${personId}/contracts`, {})).status).toBe(201);
    const [contract] = await contractsOf({ worker, personId } as Journeyed);
    expect(contract.terms.annualPence).toBe(budget.annualAmountPence);
  });
});
