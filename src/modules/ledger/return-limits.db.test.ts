import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { startTestCairn, TestUser } from "../../testing/api";
import { castOf } from "../../testing/cast";
import { journey } from "../../testing/journey";

// Returns have limits from the contract: the probe (200 lines of 168 hours on a
// 10-hours-a-week contract; a £999,999,999,999.99 purchase) is refused, naming the line, and
// what is plausible but unusual is held to be asked about: no payment run pays it until finance
// agrees it. Each test takes its own new person.

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
afterAll(() => cairn.close());

/** Closes a draft the ordinary way, since a run's lines are kept (never deleted): the second
 * officer approves it and the drafter pays it. */
async function closeRun(runId: string, drafter: TestUser) {
  expect((await second.post(`/api/payment-runs/${runId}/approval`, {})).status).toBe(200);
  expect((await drafter.post(`/api/payment-runs/${runId}/payment`, {})).status).toBe(200);
}

/** A new person's signed ISF: 10 hours a week at £25.10 (£13,052 a year), December paid in. */
const tenHoursAWeek = () =>
  journey(cairn)
    .budget("13052.00")
    .plan({ option: "2", hoursPerWeek: "10" })
    .signed()
    .allocated("2026-12");

const sql = <T>(text: string, params: unknown[] = []) => cairn.database.query<T>(text, params);
/** What the provider is owed in the ledger: what the next payment run would pay it. */
const owedTo = async (providerId: string) =>
  Number(
    (
      await sql<{ sum: string }>(
        "select coalesce(sum(pence), 0) as sum from ledger_entries where account = $1",
        [`provider:${providerId}`],
      )
    )[0]?.sum,
  );
const returnsOn = async (contractId: string) =>
  Number(
    (
      await sql<{ n: string }>(
        "select count(*) as n from provider_returns where contract_id = $1",
        [contractId],
      )
    )[0]?.n,
  );
const hours = (delivered: string) => ({
  kind: "support",
  description: "Support at home",
  plannedHours: "10",
  deliveredHours: delivered,
});

describe("a return's limits", () => {
  it("refuses the probe: 200 lines of 168 hours, and a £999,999,999,999.99 purchase", async () => {
    const { provider, person, personId, contractId, providerId } = await tenHoursAWeek();
    const owedBefore = await owedTo(providerId);

    const lines = Array.from({ length: 200 }, () => hours("168"));
    const refused = await provider.post(`/api/contracts/${contractId}/returns`, {
      period: "2026-12",
      lines,
    });
    expect(refused.status).toBe(400);
    expect(refused.headers["content-type"]).toMatch(/problem\+json/);
    expect(refused.body.errors).toEqual([
      {
        path: "lines.4.deliveredHours",
        message: expect.stringMatching(/^Line 5: .* more than the 744 hours the month has/),
      },
    ]);

    const huge = await provider.post(`/api/contracts/${contractId}/returns`, {
      period: "2026-12",
      lines: [{ kind: "purchase", description: "Everything", amount: "999999999999.99" }],
    });
    expect(huge.status).toBe(400);
    expect(huge.body.errors.map((e: { path: string }) => e.path)).toEqual(["lines.0.amount"]);

    // The same as a CSV upload: the row is named by its line in the file.
    const header =
      "kind,description,planned_hours,delivered_hours,planned_visits,delivered_visits,amount";
    const csv = await cairn.app.inject({
      method: "POST",
      url: `/api/contracts/${contractId}/returns.csv?period=2026-12`,
      payload: `${header}\n${"support,Support at home,10,168,0,0,\n".repeat(200)}`,
      headers: {
        "content-type": "text/csv",
        cookie: provider.cookieHeader,
        "x-csrf-token": provider.csrfToken,
      },
    });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().errors.map((e: { path: string }) => e.path)).toEqual(["line.6"]);

    // Nothing kept; the next payment run owes the provider nothing for any of it.
    expect(await returnsOn(contractId)).toBe(0);
    expect(await owedTo(providerId)).toBe(owedBefore);
    const statement = (await person.get(`/api/people/${personId}/statements/2026-12`)).body;
    expect(statement.statements[0].statement.wentOut).toEqual([]);
  });

  it("holds hours over the plan and a line over the month's money, unpaid until finance agrees", async () => {
    const { provider, finance, person, contractId, providerId } = await tenHoursAWeek();
    const owedBefore = await owedTo(providerId);
    const sent = await provider.post(`/api/contracts/${contractId}/returns`, {
      period: "2026-12",
      lines: [
        hours("40"),
        // 60 hours against 44.28 planned in December: more than 10% over.
        hours("20"),
        { kind: "purchase", description: "A car", amount: "9000000.00" },
      ],
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ lines: 3, held: 2 });
    // Only the 40 hours are owed: £1,004.00.
    expect(await owedTo(providerId)).toBe(owedBefore + 100_400);

    // The provider sees which lines are held and why.
    const [ret] = (await provider.get(`/api/contracts/${contractId}/returns`)).body.returns;
    expect(ret.lines.map((l: { heldReason: string | null }) => l.heldReason)).toEqual([
      null,
      expect.stringMatching(/^Hours above the plan/),
      expect.stringMatching(/more than the contract pays in the month/),
    ]);
    const [, overHours, car] = ret.lines;
    expect(overHours.transactionId).toBeNull();

    // Finance sees them with the reason; a payment run drafted now leaves them out.
    const held = await finance.get("/api/return-lines/held");
    expect(held.status).toBe(200);
    const mine = held.body.lines.filter((l: { contractId: string }) => l.contractId === contractId);
    expect(mine.map((l: { id: string }) => l.id)).toEqual([overHours.id, car.id]);
    const run = await finance.post("/api/payment-runs", { period: "2026-12" });
    const line = run.body.lines.find(
      (l: { account: string }) => l.account === `provider:${providerId}`,
    );
    expect(line.pence).toBe(owedBefore + 100_400);
    await closeRun(run.body.id, finance);

    // Only finance decides; the provider may not.
    expect(
      (await provider.post(`/api/return-lines/${overHours.id}/decision`, { decision: "agreed" }))
        .status,
    ).toBe(403);
    expect((await person.get("/api/return-lines/held")).status).toBe(403);

    // Agreed: its money is recorded now, so the next run pays it. Rejected: never paid.
    const agreed = await finance.post(`/api/return-lines/${overHours.id}/decision`, {
      decision: "agreed",
      note: "Two carers on the hospital discharge week",
    });
    expect(agreed.status).toBe(200);
    expect(agreed.body.transactionId).toEqual(expect.any(String));
    expect(await owedTo(providerId)).toBe(owedBefore + 100_400 + 50_200);
    const rejected = await finance.post(`/api/return-lines/${car.id}/decision`, {
      decision: "rejected",
      note: "Not part of the plan",
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.transactionId).toBeNull();
    expect(await owedTo(providerId)).toBe(owedBefore + 150_600);

    // Once each; a line paid as returned is not decided at all.
    const again = await second.post(`/api/return-lines/${overHours.id}/decision`, {
      decision: "rejected",
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/already been agreed/);
    expect(
      (await finance.post(`/api/return-lines/${ret.lines[0].id}/decision`, { decision: "agreed" }))
        .status,
    ).toBe(409);
    const after = (await finance.get("/api/return-lines/held")).body.lines;
    expect(after.some((l: { contractId: string }) => l.contractId === contractId)).toBe(false);
    const shown = (await provider.get(`/api/contracts/${contractId}/returns`)).body.returns[0];
    expect(shown.lines[1]).toMatchObject({
      decision: { decision: "agreed", note: "Two carers on the hospital discharge week" },
      transactionId: agreed.body.transactionId,
    });
    expect(shown.lines[2].decision).toMatchObject({ decision: "rejected" });

    // Decisions are kept as made: the table is append-only.
    await expect(
      sql("update return_line_decisions set decision = 'agreed' where line_id = $1", [car.id]),
    ).rejects.toThrow(/append-only|permission denied/);
  });

  it("holds a direct payment purchase beyond what the fund has, and refuses a huge one", async () => {
    const j = await journey(cairn)
      .budget("7831.20")
      .plan({ option: "1", hourlyRate: "17.50" })
      .signed();
    const send = (amount: string) =>
      j.person.post(`/api/contracts/${j.contractId}/direct-payment-returns`, {
        period: "2026-12",
        lines: [{ description: "Wages for my PA", amount }],
      });
    expect((await send("999999999999.99")).body.errors[0].path).toBe("lines.0.amount");
    // December's direct payment is £455.00 and not yet paid: £500 is more than it.
    const sent = await send("500.00");
    expect(sent.status).toBe(201);
    expect(sent.body.held).toBe(1);
    const [ret] = (await j.finance.get(`/api/contracts/${j.contractId}/returns`)).body.returns;
    expect(ret.lines[0]).toMatchObject({ transactionId: null, decision: null });
  });
});

// Two providers' returns for one person's month are checked one after the other: the person's
// row is locked, so together they cannot pass the hours the month has (PostgreSQL races them on
// two connections; PGlite takes them in turn, with the same outcome).
describe("returns racing for one person's month", () => {
  it("lets one in and refuses the other when together they pass the month's hours", async () => {
    const cast = await castOf(cairn);
    const { body } = await new TestUser(cairn).get("/api/demo/accounts");
    const emails = body.accounts
      .filter((a: { role: string }) => a.role === "provider-staff")
      .map((a: { email: string }) => a.email);
    let other: TestUser | undefined;
    let otherId = cast.providerId;
    for (const email of emails) {
      if (otherId !== cast.providerId) break;
      other = new TestUser(cairn);
      await other.signIn(email);
      otherId = (await other.get("/api/session")).body.user.providerId;
    }
    const line = (providerId: string, description: string) => ({
      kind: "provider-service",
      description,
      option: "2",
      providerId,
      cost: { type: "hourly", hoursPerWeek: "10", hourlyRate: "25.10" },
    });
    const j = await journey(cairn)
      .budget("26104.00")
      .plan({ lines: [line(cast.providerId, "Help at home"), line(otherId, "Help out and about")] })
      .signed();
    const on = (providerId: string) =>
      j.contracts.find((c) => c.providerId === providerId)?.id as string;
    // 504 hours each: either alone is possible (held, far over the plan); together 1,008 are
    // more than December's 744.
    const send = (as: TestUser, contractId: string) =>
      as.post(`/api/contracts/${contractId}/returns`, {
        period: "2026-12",
        lines: Array.from({ length: 3 }, () => hours("168")),
      });
    const replies = await Promise.all([
      send(cast.provider, on(cast.providerId)),
      send(other as TestUser, on(otherId)),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 400]);
    const lost = replies.find((r) => r.status === 400);
    expect(lost?.body.errors[0].message).toMatch(
      /^Line 2: .* to 840, more than the 744 hours the month has/,
    );
    const [{ n } = { n: "" }] = await sql<{ n: string }>(
      `select count(*) as n from provider_returns r join contracts c on c.id = r.contract_id
        where c.person_id = $1 and r.period = '2026-12'`,
      [j.personId],
    );
    expect(Number(n)).toBe(1);
  });
});
