import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";
import { type Journeyed, journey } from "../../testing/journey";
import { payRun } from "./payment-store";
import { monthlyShare } from "./statement";

// Each test takes its own new person along the journey, so any test runs alone or in any order.

let cairn: Cairn;

beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

/** A new person whose Option 2 contract (six hours a week at £25.10) is signed by every party. */
const signed = () => journey(cairn).budget("7831.20").plan({ option: "2" }).signed();
const seeds = { description: "Seeds and compost", amount: "18.40" };
/** December's return of 24.5 hours and a purchase of seeds. */
const returned = () =>
  signed().returned("2026-12", { planned: "26", delivered: "24.5", purchases: [seeds] });

const entries = async () =>
  Number(
    (await cairn.database.query<{ n: string }>("select count(*) as n from ledger_entries"))[0]?.n,
  );
const statement = async ({ person, personId }: Journeyed, period: string) =>
  (await person.get(`/api/people/${personId}/statements/${period}`)).body.statements[0].statement;

describe("money into a fund", () => {
  it("pays the month's budget into every fund in force, once however often it is run", async () => {
    const j = await signed();
    const { finance, person } = j;
    const first = await finance.post("/api/ledger/allocations", { period: "2026-12" });
    expect(first.status).toBe(201);
    expect(first.body.recorded).toBeGreaterThanOrEqual(1);
    const again = await finance.post("/api/ledger/allocations", { period: "2026-12" });
    // Funds paid for the month by other tests count as already recorded, theirs and this one's.
    expect(again.body).toMatchObject({
      recorded: 0,
      alreadyRecorded: first.body.recorded + first.body.alreadyRecorded,
    });
    const s = await statement(j, "2026-12");
    expect(s.cameIn).toEqual([{ label: "From the council", pence: monthlyShare(783_120, 9) }]);
    expect((await person.post("/api/ledger/allocations", { period: "2026-12" })).status).toBe(403);
  });
});

describe("the person's contribution", () => {
  it("goes into the fund once a month and shows in the statement", async () => {
    // The fund's account is opened by its first allocation (a contribution before one is a 500).
    const j = await signed().allocated("2026-12");
    const { finance, contractId } = j;
    const paid = await finance.post(`/api/contracts/${contractId}/contributions`, {
      period: "2026-12",
      amount: "25.00",
    });
    expect(paid.status).toBe(201);
    expect(
      (
        await finance.post(`/api/contracts/${contractId}/contributions`, {
          period: "2026-12",
          amount: "25.00",
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await finance.post(`/api/contracts/${contractId}/contributions`, {
          period: "2026-12",
          amount: "-5",
        })
      ).status,
    ).toBe(400);
    expect((await statement(j, "2026-12")).cameIn).toContainEqual({
      label: "Your contribution",
      pence: 2_500,
    });
  });
});

describe("provider returns", () => {
  it("charges delivered hours at the contract's rate and purchases from the fund", async () => {
    const j = await signed();
    const { provider, contractId } = j;
    const reply = await provider.post(`/api/contracts/${contractId}/returns`, {
      period: "2026-12",
      lines: [
        {
          kind: "support",
          description: "Allotment support",
          plannedHours: "26",
          deliveredHours: "24.5",
          plannedVisits: 8,
          deliveredVisits: 7,
        },
        { kind: "purchase", description: "Seeds and compost", amount: "18.40" },
      ],
    });
    expect(reply.status).toBe(201);
    const s = await statement(j, "2026-12");
    expect(s.wentOut).toEqual([
      { label: "Allotment support", pence: 61_495 }, // 24.5 hours at £25.10
      { label: "Seeds and compost", pence: 1_840 },
    ]);
    expect(s.closingPence).toBe(s.openingPence + s.totalInPence - 61_495 - 1_840);
    const twice = await provider.post(`/api/contracts/${contractId}/returns`, {
      period: "2026-12",
      lines: [{ kind: "purchase", description: "More", amount: "1.00" }],
    });
    expect(twice.status).toBe(409);
  });

  it("reports every bad CSV row by line and keeps nothing; a good file is taken", async () => {
    const { person, provider, finance, contractId } = await signed();
    const before = await entries();
    const send = (csv: string | Buffer) =>
      cairn.app.inject({
        method: "POST",
        url: `/api/contracts/${contractId}/returns.csv?period=2027-01`,
        payload: csv,
        headers: {
          "content-type": "text/csv",
          cookie: provider.cookieHeader,
          "x-csrf-token": provider.csrfToken,
        },
      });
    const header =
      "kind,description,planned_hours,delivered_hours,planned_visits,delivered_visits,amount";
    const bad = await send(
      `${header}\nsupport,Allotment,26,lots,8,7,\nteleport,x,,,,,\npurchase,Gloves,,,,,abc\n`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      "line.2",
      "line.3",
      "line.4",
    ]);
    expect(await entries()).toBe(before);
    // Saved from a spreadsheet on Windows: Windows-1252 bytes, "é" one byte (0xE9).
    const good = await send(
      Buffer.from(
        // 20 of 26 hours: within the month's money, so the gloves are paid too (not held).
        `${header}\r\nsupport,Allotment support,26,20,8,8,\r\npurchase,Caf\u00e9 gloves,,,,,9.99\r\n`,
        "latin1",
      ),
    );
    expect(good.statusCode).toBe(201);
    const taken = (await finance.get(`/api/contracts/${contractId}/returns`)).body.returns;
    expect(JSON.stringify(taken)).toContain("Caf\u00e9 gloves");
    expect(await entries()).toBe(before + 4);
    expect(
      (
        await person.post(`/api/contracts/${contractId}/returns`, {
          period: "2027-02",
          lines: [{ kind: "purchase", description: "x", amount: "1" }],
        })
      ).status,
    ).toBe(403);
  });

  it("keeps the conversation when the person queries a line and the provider answers", async () => {
    const { finance, person, provider, contractId } = await returned();
    const { returns } = (await finance.get(`/api/contracts/${contractId}/returns`)).body;
    const line = returns[0].lines[1];
    expect(
      (
        await person.post(`/api/return-lines/${line.id}/messages`, {
          message: "What were the seeds for?",
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await provider.post(`/api/return-lines/${line.id}/messages`, {
          message: "Spring planting, as agreed.",
        })
      ).status,
    ).toBe(201);
    const after = (await person.get(`/api/contracts/${contractId}/returns`)).body.returns[0]
      .lines[1];
    expect(after.messages.map((m: { message: string }) => m.message)).toEqual([
      "What were the seeds for?",
      "Spring planting, as agreed.",
    ]);
  });
});

describe("the ledger as a whole", () => {
  it("corrects by reversal, once, and the statement shows the correction", async () => {
    const j = await returned();
    const { finance, contractId } = j;
    const { returns } = (await finance.get(`/api/contracts/${contractId}/returns`)).body;
    const purchase = returns[0].lines[1];
    const reversed = await finance.post(
      `/api/ledger/transactions/${purchase.transactionId}/reversal`,
      { reason: "Paid twice" },
    );
    expect(reversed.status).toBe(201);
    expect((await statement(j, "2026-12")).cameIn).toContainEqual({
      label: "Corrections",
      pence: 1_840,
    });
    expect(
      (
        await finance.post(`/api/ledger/transactions/${purchase.transactionId}/reversal`, {
          reason: "Again",
        })
      ).status,
    ).toBe(409);
  });

  it("always balances: all entries sum to zero, and an unbalanced transaction is refused at commit", async () => {
    await returned().allocated("2026-12");
    expect(await entries()).toBeGreaterThan(0);
    const [total] = await cairn.database.query<{ sum: string }>(
      "select coalesce(sum(pence), 0) as sum from ledger_entries",
    );
    expect(Number(total?.sum)).toBe(0);
    await expect(
      cairn.database.query(`
        with t as (insert into ledger_transactions (kind, source_type, source_id, idempotency_key, memo, recorded_by)
          select 'charge', 'test', 'x', 'unbalanced-test', 'x', id from users limit 1 returning id)
        insert into ledger_entries (transaction_id, account, pence) select id, 'council:funding', 100 from t`),
    ).rejects.toThrow(/does not balance/);
    await expect(cairn.database.query("delete from ledger_entries")).rejects.toThrow(
      /append-only|permission denied/,
    );
  });

  it("gives the person their statement as a PDF, in easy read too", async () => {
    const { person, personId } = await returned().allocated("2026-12");
    for (const format of ["full", "easy-read"]) {
      const res = await cairn.app.inject({
        method: "GET",
        url: `/api/people/${personId}/statements/2026-12/statement.pdf?format=${format}`,
        headers: { cookie: person.cookieHeader },
      });
      expect(res.headers["content-type"]).toBe("application/pdf");
      const text = execFileSync("pdftotext", ["-", "-"], { input: res.rawPayload }).toString();
      expect(text).toMatch(format === "full" ? /Left at the end of the month/ : /is left/);
      expect(text).toContain("%");
    }
  });
});

describe("reclaiming", () => {
  it("is refused from an Individual Service Fund: unspent money stays in the fund", async () => {
    const { finance, contractId } = await signed().allocated("2026-12");
    const reply = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2026-12",
      amount: "1.00",
      reason: "Unspent",
    });
    expect(reply.status).toBe(409);
    expect(reply.body.detail).toMatch(/Individual Service Fund/);
  });
});

describe("spend monitoring", () => {
  it("shows spend against budget by area, provider and care group, with flags", async () => {
    const { finance, person, personId } = await returned()
      .allocated("2026-12")
      .returned("2027-01", {
        delivered: "26",
        purchases: [{ description: "Gloves", amount: "9.99" }],
      });
    const reply = await finance.get("/api/money/monitoring?asOf=2027-01");
    expect(reply.status).toBe(200);
    const { givenName, familyName } = (await person.get(`/api/people/${personId}`)).body;
    const fund = reply.body.funds.find((f: { fund: string }) =>
      f.fund.startsWith(`${givenName} ${familyName}'s Individual Service Fund`),
    );
    expect(fund.spentPence).toBeGreaterThan(0);
    // January has a return but no allocation yet: spending runs ahead of what was paid in.
    expect(fund.flags.map((f: { kind: string }) => f.kind)).toContain("overspend");
    const sum = (rows: { inPence: number }[]) => rows.reduce((s, r) => s + r.inPence, 0);
    expect(sum(reply.body.byLocality)).toBe(sum(reply.body.funds));
    expect(sum(reply.body.byProvider)).toBe(sum(reply.body.funds));
    expect(sum(reply.body.byCareGroup)).toBe(sum(reply.body.funds));
    expect((await person.get("/api/money/monitoring?asOf=2027-01")).status).toBe(403);
    expect((await finance.get("/api/money/monitoring?asOf=January")).status).toBe(400);
  });
});

describe("payment runs", () => {
  it("holds a line with no bank details, needs a second officer, and pays nobody twice", async () => {
    const { finance, person, provider } = await returned().allocated("2026-12");
    const { body } = await new TestUser(cairn).get("/api/demo/accounts");
    const second = new TestUser(cairn);
    await second.signIn(
      body.accounts.filter((a: { role: string }) => a.role === "finance-officer")[1].email,
    );
    const providerId = (await provider.get("/api/session")).body.user.providerId;
    const owed = async () =>
      Number(
        (
          await cairn.database.query<{ sum: string }>(
            `select coalesce(sum(pence), 0) as sum from ledger_entries where account = 'provider:${providerId}'`,
          )
        )[0]?.sum,
      );
    const owedBefore = await owed();
    expect(owedBefore).toBeGreaterThan(0);

    const unbanked = (await finance.post("/api/payment-runs", { period: "2026-12" })).body;
    const line = unbanked.lines.find(
      (l: { account: string }) => l.account === `provider:${providerId}`,
    );
    expect(line).toMatchObject({
      pence: owedBefore,
      heldReason: "No bank details are held for this provider",
    });
    expect((await finance.post("/api/payment-runs", { period: "2026-12" })).status).toBe(409);
    expect((await finance.post(`/api/payment-runs/${unbanked.id}/payment`, {})).status).toBe(409);
    expect(
      (await finance.post(`/api/payment-runs/${unbanked.id}/approval`, {})).body.detail,
    ).toMatch(/second finance officer/);
    await second.post(`/api/payment-runs/${unbanked.id}/approval`, {});
    expect((await finance.post(`/api/payment-runs/${unbanked.id}/payment`, {})).body).toMatchObject(
      { paid: 0 },
    );
    expect(await owed()).toBe(owedBefore);

    const bank = await finance.post(`/api/providers/${providerId}/bank-details`, {
      sortCode: "80-22-60",
      accountNumber: "12345678",
    });
    expect(bank.status).toBe(201);
    await second.post(`/api/bank-details/${bank.body.versionId}/approval`, {});
    const run = (await finance.post("/api/payment-runs", { period: "2026-12" })).body;
    expect(
      run.lines.find((l: { account: string }) => l.account === `provider:${providerId}`).heldReason,
    ).toBeNull();
    await second.post(`/api/payment-runs/${run.id}/approval`, {});
    const file = await cairn.app.inject({
      method: "GET",
      url: `/api/payment-runs/${run.id}/payments.txt`,
      headers: { cookie: finance.cookieHeader },
    });
    const records = file.body.split("\r\n").filter(Boolean);
    expect(records.every((r: string) => r.length === 100)).toBe(true);
    expect(
      records.some(
        (r: string) =>
          r.startsWith("80226012345678") &&
          r.slice(35, 46) === String(owedBefore).padStart(11, "0"),
      ),
    ).toBe(true);

    // A crash mid-run: the payment is recorded inside a transaction that then fails.
    const financeId = (await finance.get("/api/session")).body.user.id;
    await expect(
      cairn.database.db.transaction(async (tx) => {
        await payRun(tx, run.id, financeId);
        throw new Error("the process died here");
      }),
    ).rejects.toThrow(/died/);
    expect(await owed()).toBe(owedBefore);
    const paid = await finance.post(`/api/payment-runs/${run.id}/payment`, {});
    expect(paid.body.paid).toBeGreaterThanOrEqual(1);
    const retried = await finance.post(`/api/payment-runs/${run.id}/payment`, {});
    expect(retried.body.paid).toBe(0);
    expect(await owed()).toBe(0);

    // Bank details stay with finance: not in the directory, its history or comparisons.
    const commissioner = await demoUser(cairn, "commissioner");
    await commissioner.send("PUT", `/api/providers/${providerId}/framework`, {
      onFramework: false,
    });
    for (const url of [
      `/api/providers/${providerId}`,
      `/api/providers/${providerId}/history`,
      `/api/providers/compare?ids=${providerId}`,
    ]) {
      const reply = await person.get(url);
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain("12345678");
    }
  });
});
