import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { startTestCairn, TestUser } from "../../testing/api";
import { castOf } from "../../testing/cast";
import { journey } from "../../testing/journey";

// Bank details are versions: one finance officer proposes, a different one approves, and only
// then does a payment run pay into them. Every reply masks them; the payment file alone has them.

let cairn: Cairn;
let first: TestUser;
let second: TestUser;

beforeAll(async () => {
  cairn = await startTestCairn();
  const { body } = await new TestUser(cairn).get("/api/demo/accounts");
  const finance = body.accounts.filter((a: { role: string }) => a.role === "finance-officer");
  first = new TestUser(cairn);
  await first.signIn(finance[0].email);
  second = new TestUser(cairn);
  await second.signIn(finance[1].email);
});
afterAll(() => cairn.close());

/** Closes a draft the ordinary way, since a run's lines are kept (never deleted): the second
 * officer approves it and the drafter pays it. */
async function closeRun(runId: string, drafter: TestUser) {
  expect((await second.post(`/api/payment-runs/${runId}/approval`, {})).status).toBe(200);
  expect((await drafter.post(`/api/payment-runs/${runId}/payment`, {})).status).toBe(200);
}

const sql = <T>(text: string, params: unknown[] = []) => cairn.database.query<T>(text, params);
/** Money owed to the cast provider: a new person's December support, delivered and returned. */
const owing = () =>
  journey(cairn)
    .budget("7831.20")
    .plan({ option: "2" })
    .signed()
    .allocated("2026-12")
    .returned("2026-12", { planned: "26", delivered: "20" });
/** Drafts a run, gives back its line for the payee, and closes the run (the next test's turn). */
async function lineInRun(payee: string) {
  const run = await first.post("/api/payment-runs", { period: "2026-12" });
  expect(run.status).toBe(201);
  await closeRun(run.body.id, first);
  return run.body.lines.find((l: { account: string }) => l.account === payee);
}

describe("bank details", () => {
  it("are used only once a second officer approves; masked everywhere but the file", async () => {
    const { providerId } = await owing();
    const payee = `provider:${providerId}`;
    const url = `/api/providers/${providerId}/bank-details`;
    const proposed = await first.post(url, { sortCode: "80-22-60", accountNumber: "12345678" });
    expect(proposed.status).toBe(201);
    expect(proposed.body.proposed).toEqual({ sortCode: "**-**-60", accountNumber: "****5678" });
    // Not yet approved: the provider's line is held with the reason.
    expect((await lineInRun(payee)).heldReason).toMatch(/second finance officer's approval/);
    // The proposer may not approve it; the database refuses it too.
    const own = await first.post(`/api/bank-details/${proposed.body.versionId}/approval`, {});
    expect(own.status).toBe(409);
    expect(own.body.detail).toMatch(/second finance officer/);
    const firstId = (await first.get("/api/session")).body.user.id;
    await expect(
      sql(
        "insert into bank_detail_approvals (version_id, proposed_by, approved_by) values ($1, $2, $2)",
        [proposed.body.versionId, firstId],
      ),
    ).rejects.toThrow(/four_eyes|check constraint/);
    const approved = await second.post(`/api/bank-details/${proposed.body.versionId}/approval`, {});
    expect(approved.status).toBe(200);
    expect(
      (await second.post(`/api/bank-details/${proposed.body.versionId}/approval`, {})).status,
    ).toBe(409);

    // A change proposed later is kept beside it; the run pays into the approved one meanwhile.
    const change = await first.post(url, { sortCode: "11-22-33", accountNumber: "87654321" });
    expect(change.body.previous).toEqual({ sortCode: "**-**-60", accountNumber: "****5678" });
    const run = await first.post("/api/payment-runs", { period: "2026-12" });
    const line = run.body.lines.find((l: { account: string }) => l.account === payee);
    expect(line).toMatchObject({
      heldReason: null,
      sortCode: "**-**-60",
      accountNumber: "****5678",
      bankVersionId: proposed.body.versionId,
    });
    expect(JSON.stringify(run.body)).not.toContain("12345678");
    const read = await second.get(`/api/payment-runs/${run.body.id}`);
    expect(JSON.stringify(read.body)).not.toContain("12345678");
    await second.post(`/api/payment-runs/${run.body.id}/approval`, {});
    const file = await cairn.app.inject({
      method: "GET",
      url: `/api/payment-runs/${run.body.id}/payments.csv`,
      headers: { cookie: first.cookieHeader },
    });
    expect(file.body).toContain("12345678");
    expect(file.body).not.toContain("87654321");
    await first.post(`/api/payment-runs/${run.body.id}/payment`, {});

    // The audit names what changed, masked, for each proposal and approval.
    const audits = await sql<{ detail: Record<string, unknown> }>(
      "select detail from audit_log where resource_type = 'bank-details' and resource_id = $1 order by id",
      [change.body.versionId],
    );
    expect(audits[0]?.detail).toMatchObject({
      payee,
      proposed: { sortCode: "**-**-33", accountNumber: "****4321" },
      previous: { sortCode: "**-**-60", accountNumber: "****5678" },
    });
    const logged = JSON.stringify(await sql("select detail from audit_log"));
    expect(logged).not.toContain("12345678");
    expect(logged).not.toContain("87654321");

    // Finance's list of payees shows both, masked, and who may approve the change.
    const payees = await second.get("/api/payees");
    const mine = payees.body.payees.find((p: { payee: string }) => p.payee === payee);
    expect(mine).toMatchObject({
      inUse: { sortCode: "**-**-60", accountNumber: "****5678" },
      pending: { versionId: change.body.versionId, accountNumber: "****4321", mine: false },
    });
    expect(JSON.stringify(payees.body)).not.toMatch(/12345678|87654321/);

    // Versions are kept: none is changed in place.
    await expect(
      sql("update bank_detail_versions set account_number = '00000000' where id = $1", [
        proposed.body.versionId,
      ]),
    ).rejects.toThrow(/append-only|permission denied/);
    // An older proposal cannot be approved once a newer one is in.
    const newer = await first.post(url, { sortCode: "11-22-44", accountNumber: "11112222" });
    const stale = await second.post(`/api/bank-details/${change.body.versionId}/approval`, {});
    expect(stale.status).toBe(409);
    expect(stale.body.detail).toMatch(/newer change/);
    expect(
      (await second.post(`/api/bank-details/${newer.body.versionId}/approval`, {})).status,
    ).toBe(200);
  });

  it("are a direct payment's too, proposed and approved the same way", async () => {
    const j = await journey(cairn)
      .budget("7831.20")
      .plan({ option: "1", hourlyRate: "17.50" })
      .signed();
    const url = `/api/contracts/${j.contractId}/bank-details`;
    const proposed = await first.post(url, { sortCode: "80-22-61", accountNumber: "87650000" });
    expect(proposed.status).toBe(201);
    expect((await lineInRun(`fund:${j.contractId}`)).heldReason).toMatch(/second finance officer/);
    await second.post(`/api/bank-details/${proposed.body.versionId}/approval`, {});
    const line = await lineInRun(`fund:${j.contractId}`);
    expect(line).toMatchObject({ heldReason: null, accountNumber: "****0000" });
    // The person's record was touched: the proposal is audited on it.
    const [entry] = await sql<{ person_id: string }>(
      "select person_id from audit_log where resource_id = $1",
      [proposed.body.versionId],
    );
    expect(entry?.person_id).toBe(j.personId);
    // Bad details are a 400 naming the field; nothing kept.
    const bad = await first.post(url, { sortCode: "80-22", accountNumber: "1" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "accountNumber",
      "sortCode",
    ]);
    // Only finance.
    expect(
      (await j.worker.post(url, { sortCode: "80-22-61", accountNumber: "87650000" })).status,
    ).toBe(403);
  });
});

// Officers proposing and approving at once, with runs drafted meanwhile (many connections on
// PostgreSQL): no run ever pays into a version that was not approved by a second officer.
describe("bank details changed while runs are drafted", () => {
  it("never puts an unapproved version in a run", async () => {
    const { providerId } = await owing();
    const cast = await castOf(cairn);
    expect(cast.providerId).toBe(providerId);
    const payee = `provider:${providerId}`;
    const url = `/api/providers/${providerId}/bank-details`;
    const runs: string[] = [];
    for (let round = 0; round < 6; round++) {
      const account = (n: number) => String(10_000_000 + round * 10 + n);
      const pending = (await first.get("/api/payees")).body.payees.find(
        (p: { payee: string }) => p.payee === payee,
      ).pending;
      const [a, b, , , draft] = await Promise.all([
        first.post(url, { sortCode: "80-22-60", accountNumber: account(1) }),
        second.post(url, { sortCode: "80-22-60", accountNumber: account(2) }),
        pending
          ? second.post(`/api/bank-details/${pending.versionId}/approval`, {})
          : Promise.resolve(null),
        pending
          ? first.post(`/api/bank-details/${pending.versionId}/approval`, {})
          : Promise.resolve(null),
        first.post("/api/payment-runs", { period: "2026-12" }),
      ]);
      expect([a.status, b.status]).toEqual([201, 201]);
      // Each officer tries to approve the other's proposal of this round, at once.
      await Promise.all([
        second.post(`/api/bank-details/${a.body.versionId}/approval`, {}),
        first.post(`/api/bank-details/${b.body.versionId}/approval`, {}),
        first.post(`/api/bank-details/${a.body.versionId}/approval`, {}),
      ]);
      expect(draft.status).toBe(201);
      runs.push(draft.body.id);
      // Every line the run pays pays into a version approved by a second officer, as it stands
      // (approvals are never taken back, so one approved now was approved when the run read it).
      const unapproved = await sql(
        `select l.id from payment_run_lines l
           left join bank_detail_versions v on v.id = l.bank_version_id
           left join bank_detail_approvals a on a.version_id = v.id
          where l.run_id = $1 and l.held_reason is null
            and (v.id is null or (a.version_id is null and not v.carried_over)
                 or l.sort_code <> v.sort_code or l.account_number <> v.account_number)`,
        [draft.body.id],
      );
      expect(unapproved).toEqual([]);
      await closeRun(draft.body.id, first);
    }
    expect(runs).toHaveLength(6);
    // Nobody approved their own proposal, and no version was approved twice.
    const own = await sql(
      `select a.version_id from bank_detail_approvals a
         join bank_detail_versions v on v.id = a.version_id where a.approved_by = v.proposed_by`,
    );
    expect(own).toEqual([]);
    // Approvals follow the order of proposals: an older proposal is never approved after a newer one.
    const order = await sql<{ seq: string }>(
      `select v.seq from bank_detail_approvals a join bank_detail_versions v on v.id = a.version_id
        where v.payee = $1 order by a.approved_at, v.seq`,
      [payee],
    );
    const seqs = order.map((o) => Number(o.seq));
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(seqs.length).toBeGreaterThan(0);
  });
});
