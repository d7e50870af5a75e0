import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { startTestCairn, TestUser } from "../../testing/api";
import { castOf } from "../../testing/cast";
import { journey } from "../../testing/journey";

// One payment run open at a time, and the money a run drafts is reserved by it: held by the
// database itself, so drafts racing on many connections still pay each payee once.

let cairn: Cairn;
let finance: TestUser;
let second: TestUser;
let providerAccount: string;

beforeAll(async () => {
  cairn = await startTestCairn();
  const cast = await castOf(cairn);
  finance = cast.finance;
  const { body } = await new TestUser(cairn).get("/api/demo/accounts");
  second = new TestUser(cairn);
  await second.signIn(
    body.accounts.filter((a: { role: string }) => a.role === "finance-officer")[1].email,
  );
  providerAccount = `provider:${cast.providerId}`;
  const proposed = await finance.post(`/api/providers/${cast.providerId}/bank-details`, {
    sortCode: "80-22-60",
    accountNumber: "12345678",
  });
  await second.post(`/api/bank-details/${proposed.body.versionId}/approval`, {});
});
/** Money owed to the provider: a new person's November support, delivered and returned. */
const owing = () =>
  journey(cairn)
    .budget("7831.20")
    .plan({ option: "2" })
    .signed()
    .allocated("2026-11")
    .returned("2026-11", { planned: "26", delivered: "26" });
afterAll(() => cairn.close());

const sql = <T>(text: string, params: unknown[] = []) => cairn.database.query<T>(text, params);
const owed = async () =>
  Number(
    (
      await sql<{ sum: string }>(
        "select coalesce(sum(pence), 0) as sum from ledger_entries where account = $1",
        [providerAccount],
      )
    )[0]?.sum,
  );

describe("payment runs in the database", () => {
  it("refuses a second open run, and a second reservation of the same money, in the schema", async () => {
    await owing();
    const financeId = (await finance.get("/api/session")).body.user.id;
    await expect(
      sql(`insert into payment_runs (period, created_by) values ('2026-01', $1), ('2026-02', $1)`, [
        financeId,
      ]),
    ).rejects.toThrow(/unique|duplicate/i);
    const draft = await finance.post("/api/payment-runs", { period: "2026-11" });
    expect(draft.status).toBe(201);
    const line = draft.body.lines.find((l: { account: string }) => l.account === providerAccount);
    expect(line.owedThroughEntry).toBeGreaterThan(0);
    // Only one run may be open, so the test reserves the same money from a closed run's line.
    const [closed] = await sql<{ id: string }>(
      `insert into payment_runs (period, created_by, status) values ('2026-03', $1, 'paid') returning id`,
      [financeId],
    );
    await expect(
      sql(
        `insert into payment_run_lines (run_id, account, payee_kind, payee_name, pence, owed_through_entry)
         values ($1, $2, 'provider', 'Again', $3, $4)`,
        [closed?.id, providerAccount, line.pence, line.owedThroughEntry],
      ),
    ).rejects.toThrow(/unique|duplicate/i);
    await sql("delete from payment_runs where id = $1", [closed?.id]);
    // A run's lines are kept (never deleted): the draft closes the ordinary way, paid.
    expect((await second.post(`/api/payment-runs/${draft.body.id}/approval`, {})).status).toBe(200);
    expect((await finance.post(`/api/payment-runs/${draft.body.id}/payment`, {})).status).toBe(200);
  });
});

// On PostgreSQL the drafts race on many connections; PGlite takes them one at a time, where the
// same double click must still make one run.
describe("drafts racing at once (many connections on PostgreSQL)", () => {
  it("makes one run; the others get a 409 problem; each payee is paid exactly once", async () => {
    await owing();
    const owedBefore = await owed();
    expect(owedBefore).toBeGreaterThan(0);
    const drafts = await Promise.all(
      Array.from({ length: 10 }, () => finance.post("/api/payment-runs", { period: "2026-11" })),
    );
    const made = drafts.filter((d) => d.status === 201);
    expect(made).toHaveLength(1);
    for (const lost of drafts.filter((d) => d.status !== 201)) {
      expect(lost.status).toBe(409);
      expect(lost.headers["content-type"]).toMatch(/problem\+json/);
    }
    const [{ n } = { n: "" }] = await sql<{ n: string }>(
      "select count(*) as n from payment_runs where status <> 'paid'",
    );
    expect(Number(n)).toBe(1);

    const runId = made[0]?.body.id;
    expect((await second.post(`/api/payment-runs/${runId}/approval`, {})).status).toBe(200);
    const paid = await Promise.all(
      Array.from({ length: 5 }, () => finance.post(`/api/payment-runs/${runId}/payment`, {})),
    );
    expect(paid.reduce((s, p) => s + (p.body.paid ?? 0), 0)).toBe(
      made[0]?.body.lines.filter((l: { heldReason: string | null }) => !l.heldReason).length,
    );
    expect(await owed()).toBe(0);
    const payments = await sql<{ account: string; n: string }>(
      `select e.account, count(*) as n from ledger_entries e
         join ledger_transactions t on t.id = e.transaction_id
         where t.source_type = 'payment-run' and t.source_id = $1 and e.account not like 'council:%'
         group by e.account`,
      [runId],
    );
    expect(payments.length).toBeGreaterThan(0);
    for (const p of payments) expect(Number(p.n)).toBe(1);

    // A run drafted after the paid one finds nothing more owed to the provider.
    const next = await finance.post("/api/payment-runs", { period: "2026-11" });
    expect(next.status).toBe(201);
    expect(next.body.lines.some((l: { account: string }) => l.account === providerAccount)).toBe(
      false,
    );
    // Runs and their lines stay; the open draft is paid, so the next test may open its own.
    expect((await second.post(`/api/payment-runs/${next.body.id}/approval`, {})).status).toBe(200);
    expect((await finance.post(`/api/payment-runs/${next.body.id}/payment`, {})).status).toBe(200);
  });
});
