import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";
import { castOf } from "../../testing/cast";
import { type Journeyed, journey } from "../../testing/journey";

// Each test takes its own new person along the journey, so any test runs alone or in any order.

let cairn: Cairn;
let second: TestUser;

beforeAll(async () => {
  cairn = await startTestCairn();
  const { body } = await new TestUser(cairn).get("/api/demo/accounts");
  second = new TestUser(cairn);
  await second.signIn(
    body.accounts.filter((a: { role: string }) => a.role === "finance-officer")[1].email,
  );
});

/** A month's direct payment, paid to the person by a run drafted by one officer, approved by another. */
async function payMonth(period: string) {
  const { finance } = await castOf(cairn);
  const run = (await finance.post("/api/payment-runs", { period })).body;
  await second.post(`/api/payment-runs/${run.id}/approval`, {});
  await finance.post(`/api/payment-runs/${run.id}/payment`, {});
  return run;
}

/** A new person's signed direct payment agreement: a PA six hours a week at £17.50. */
const signed = () =>
  journey(cairn).budget("7831.20").plan({ option: "1", hourlyRate: "17.50" }).signed();
/** With the person's bank details held by finance (an allocation run opens their account). */
const banked = () =>
  signed()
    .allocated("2026-12")
    .then_(async (j) => {
      const bank = { sortCode: "80-22-61", accountNumber: "87654321" };
      const held = await j.finance.post(`/api/contracts/${j.contractId}/bank-details`, bank);
      expect(held.status).toBe(201);
      await second.post(`/api/bank-details/${held.body.versionId}/approval`, {});
    });
/** December paid, and the person's return for it: £312.50 spent of £455.00. */
const paidDecember = () =>
  banked().then_(async (j) => {
    await payMonth("2026-12");
    const sent = await j.person.post(`/api/contracts/${j.contractId}/direct-payment-returns`, {
      period: "2026-12",
      lines: [
        { description: "Wages for my PA", amount: "300.00" },
        { description: "Payroll service", amount: "12.50" },
      ],
    });
    expect(sent.status).toBe(201);
  });
/** This person's line in a payment run (other tests' people may be in it too). */
const lineOf = (j: Journeyed) => (l: { payeeName: string }) =>
  l.payeeName === `${j.givenName} ${j.familyName} (direct payment)`;
afterAll(() => cairn.close());

describe("direct payments", () => {
  it("is paid to the person by a payment run, once their bank details are held", async () => {
    const j = await signed();
    const { finance, person, personId, contractId } = j;
    // The allocation run pays ISFs; a direct payment waits for the payment run.
    await finance.post("/api/ledger/allocations", { period: "2026-12" });
    const before = (await person.get(`/api/people/${personId}/statements/2026-12`)).body.statements;
    expect(before[0].statement.cameIn).toEqual([]);
    const unbanked = await payMonth("2026-12");
    const line = unbanked.lines.find(lineOf(j));
    expect(line).toMatchObject({
      heldReason: "No bank details are held for the person",
      pence: 45_500,
    });
    const banked = await finance.post(`/api/contracts/${contractId}/bank-details`, {
      sortCode: "80-22-61",
      accountNumber: "87654321",
    });
    expect(banked.status).toBe(201);
    await second.post(`/api/bank-details/${banked.body.versionId}/approval`, {});
    const run = await payMonth("2026-12");
    const reads = await cairn.database.query<{ n: string }>(
      `select count(*) as n from audit_log where resource_id = '${run.id}' and detail->>'read' = 'payment-run'`,
    );
    await finance.get(`/api/payment-runs/${run.id}`);
    const after = await cairn.database.query<{ n: string }>(
      `select count(*) as n from audit_log where resource_id = '${run.id}' and detail->>'read' = 'payment-run'`,
    );
    expect(Number(after[0]?.n)).toBe(Number(reads[0]?.n) + 1);
    expect(run.lines.find(lineOf(j)).heldReason).toBeNull();
    const [statement] = (await person.get(`/api/people/${personId}/statements/2026-12`)).body
      .statements;
    expect(statement.statement.cameIn).toEqual([{ label: "From the council", pence: 45_500 }]);
    // Paid once: the next run for the month has nothing more for the person.
    const next = (await finance.post("/api/payment-runs", { period: "2026-12" })).body;
    expect(next.lines.some(lineOf(j))).toBe(false);
    await second.post(`/api/payment-runs/${next.id}/approval`, {});
    await finance.post(`/api/payment-runs/${next.id}/payment`, {});
  });

  it("takes the person's simple return, and shows it in their statement", async () => {
    const { person, provider, personId, contractId } = await banked().then_(() =>
      payMonth("2026-12").then(() => undefined),
    );
    const sent = await person.post(`/api/contracts/${contractId}/direct-payment-returns`, {
      period: "2026-12",
      lines: [
        { description: "Wages for my PA", amount: "300.00" },
        { description: "Payroll service", amount: "12.50" },
      ],
    });
    expect(sent.status).toBe(201);
    const [statement] = (await person.get(`/api/people/${personId}/statements/2026-12`)).body
      .statements;
    expect(statement.fund.label).toContain("direct payment account");
    expect(statement.statement.wentOut).toEqual([
      { label: "Wages for my PA", pence: 30_000 },
      { label: "Payroll service", pence: 1_250 },
    ]);
    const byProvider = await provider.post(`/api/contracts/${contractId}/direct-payment-returns`, {
      period: "2027-01",
      lines: [{ description: "x", amount: "1.00" }],
    });
    expect(byProvider.status).toBe(403);
    const bad = await person.post(`/api/contracts/${contractId}/direct-payment-returns`, {
      period: "2027-13",
      lines: [{ description: "", amount: "lots" }],
    });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "lines.0.amount",
      "lines.0.description",
      "period",
    ]);
  });

  it("reclaims only money above the agreed contingency, by a recorded decision, once a month", async () => {
    const { finance, person, personId, contractId } = await paidDecember();
    const early = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2026-12",
      amount: "10.00",
      reason: "Unspent",
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].message).toMatch(/agreed contingency/);
    for (const period of ["2027-01", "2027-02", "2027-03"]) await payMonth(period);
    const reclaimed = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2027-03",
      amount: "100.00",
      reason: "Agreed at review: money built up while the PA was on leave",
    });
    expect(reclaimed.status).toBe(201);
    const [decision] = await cairn.database.query<{ memo: string }>(
      "select memo from ledger_transactions where id = $1",
      [reclaimed.body.transactionId],
    );
    expect(decision?.memo).toMatch(
      /^Reclaimed under the direct payment agreement, "Changing or ending the arrangement": Agreed at review/,
    );
    const again = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2027-03",
      amount: "1.00",
      reason: "Again",
    });
    expect(again.status).toBe(409);
    const [march] = (await person.get(`/api/people/${personId}/statements/2027-03`)).body
      .statements;
    expect(march.statement.wentOut).toContainEqual({
      label: "Returned to the council",
      pence: 10_000,
    });
    expect(
      (
        await person.post(`/api/contracts/${contractId}/reclaim`, {
          period: "2027-03",
          amount: "1.00",
          reason: "x",
        })
      ).status,
    ).toBe(403);
  });
  it("takes returns as often as the agreement says: the council's default, quarterly unless changed", async () => {
    const { finance, person, worker, personId, contractId } = await paidDecember().then_(
      async () => {
        for (const period of ["2027-01", "2027-02", "2027-03"]) await payMonth(period);
      },
    );
    const admin = await demoUser(cairn, "administrator");
    expect((await admin.get("/api/council-settings")).body).toMatchObject({
      directPaymentReturnsEvery: "quarter",
    });
    const wording = async (as: TestUser, id: string, who: string) =>
      JSON.stringify(
        (await as.get(`/api/people/${who}/contracts`)).body.contracts.find(
          (c: { id: string }) => c.id === id,
        ),
      );
    expect(await wording(person, contractId, personId)).toContain(
      "sends back a simple return each quarter",
    );
    // December's return covers October to December, so January and February are not yet due.
    const [label] = (
      await person.get(`/api/people/${personId}/statements/2027-03`)
    ).body.statements.map((s: { fund: { label: string } }) => s.fund.label);
    const watched = (await finance.get("/api/money/monitoring?asOf=2027-03")).body.funds.find(
      (f: { fund: string }) => f.fund === label,
    );
    expect(watched.flags.map((f: { kind: string }) => f.kind)).not.toContain("return-missing");

    const bad = await admin.send("PUT", "/api/council-settings", {
      directPaymentReturnsEvery: "weekly",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("directPaymentReturnsEvery");
    const byFinance = await finance.send("PUT", "/api/council-settings", {
      directPaymentReturnsEvery: "month",
    });
    expect(byFinance.status).toBe(403);
    const set = await admin.send("PUT", "/api/council-settings", {
      directPaymentReturnsEvery: "month",
    });
    expect(set.status).toBe(200);
    expect((await admin.get("/api/council-settings")).body.directPaymentReturnsEvery).toBe("month");
    // The agreement already signed keeps its quarterly term when the plan is looked at again.
    expect(
      (await worker.post(`/api/people/${personId}/contracts`, {})).body.contracts[0].outcome,
    ).toBe("unchanged");
    expect(await wording(person, contractId, personId)).toContain("each quarter");
  });

  it("pays a one-off amount added later once, as its own line, in this month, shown as paid once", async () => {
    const { finance, person, worker, personId, contractId } = await banked();
    const { plan } = (await worker.get(`/api/people/${personId}/plan`)).body;
    const pa = plan.lines[0];
    const put = await worker.send("PUT", `/api/people/${personId}/plan`, {
      changeSummary: "A laptop to manage the PA's rota",
      lines: [
        {
          id: pa.id,
          outcomeId: pa.outcomeId,
          kind: pa.kind,
          description: pa.description,
          option: "1",
          cost: { type: "hourly", hoursPerWeek: "6", hourlyRate: "17.50" },
        },
        {
          outcomeId: pa.outcomeId,
          kind: "purchase",
          description: "A laptop for the rota",
          option: "1",
          cost: { type: "one-off", amount: "350.00" },
          howItMeetsOutcome: "Keeps the PA's hours organised",
        },
      ],
    });
    expect(put.status).toBe(201);
    await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" });
    await worker.post(`/api/people/${personId}/contracts`, {});
    const contract = (await worker.get(`/api/people/${personId}/contracts`)).body.contracts.find(
      (c: { id: string }) => c.id === contractId,
    );
    // The agreement started months ago in some runs of this test: a past month never comes
    // again, so a one-off new to the agreement is paid this month.
    const thisMonth = new Date().toISOString().slice(0, 7);
    expect(contract.terms.oneOffs).toMatchObject([{ pence: 35_000, month: thisMonth }]);
    for (const [as, party] of [
      [person, "person"],
      [worker, "council"],
    ] as const)
      await as.post(`/api/contracts/${contractId}/signatures`, {
        party,
        version: contract.version,
        documentHash: contract.documentHash,
      });
    const run = await payMonth(thisMonth);
    const oneOff = run.lines.filter((l: { oneOffLineId: string | null }) => l.oneOffLineId);
    expect(oneOff).toMatchObject([{ pence: 35_000, oneOffDescription: "A laptop for the rota" }]);
    const [statement] = (await person.get(`/api/people/${personId}/statements/${thisMonth}`)).body
      .statements;
    expect(statement.statement.cameIn).toContainEqual({
      label: "From the council, once only: A laptop for the rota",
      pence: 35_000,
    });
    // Paid once: not in another run for the month, nor in the next month's.
    for (const period of [thisMonth, next(thisMonth)]) {
      const again = (await finance.post("/api/payment-runs", { period })).body;
      expect(again.lines.some((l: { oneOffLineId: string | null }) => l.oneOffLineId)).toBe(false);
      await second.post(`/api/payment-runs/${again.id}/approval`, {});
      await finance.post(`/api/payment-runs/${again.id}/payment`, {});
    }
  });
});

/** The month after `period`, "2026-12" -> "2027-01". */
const next = (period: string) =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1))
    .toISOString()
    .slice(0, 7);
