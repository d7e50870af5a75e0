import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn } from "../../testing/api";
import { journey } from "../../testing/journey";
import { agreementsInForce } from "../contracts/in-force";
import { contractView } from "../contracts/store";
import { PARTIES } from "../contracts/terms";

// Agreements in force, found one way: accounts open with the last signature, payment runs know
// their payees, and the set-based query agrees with contractStatus on every case.

let cairn: Cairn;
let direct: string;
const sql = <T>(text: string, params: unknown[] = []) => cairn.database.query<T>(text, params);
const account = async (key: string) =>
  (
    await sql<{ kind: string; label: string; option: string | null }>(
      "select kind, label, option from ledger_accounts where key = $1",
      [key],
    )
  )[0];

beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

describe("an agreement coming into force", () => {
  it("opens its ledger accounts with the last signature, not before", async () => {
    const seen: { party: string; fund: unknown }[] = [];
    const j = await journey(cairn).budget("7831.20").plan({ option: "1", hourlyRate: "17.50" });
    const [contract] = j.contracts;
    const contractId = contract?.id as string;
    for (const [as, party] of [
      [j.person, "person"],
      [j.worker, "council"],
    ] as const) {
      seen.push({ party, fund: await account(`fund:${contractId}`) });
      const signed = await as.post(`/api/contracts/${contractId}/signatures`, {
        party,
        version: contract?.version,
        documentHash: contract?.documentHash,
      });
      expect(signed.status).toBe(201);
    }
    expect(seen.map((s) => s.party)).toEqual(["person", "council"]);
    expect(seen.every((s) => s.fund === undefined)).toBe(true);
    expect(await account(`fund:${contractId}`)).toMatchObject({
      kind: "fund",
      option: "1",
      label: expect.stringMatching(/'s direct payment account$/),
    });
    direct = contractId;
  });

  it("drafts payment run lines that say whether they pay a provider or a direct payment", async () => {
    const finance = await demoUser(cairn, "finance-officer");
    await finance.post("/api/ledger/allocations", { period: "2026-11" });
    const run = await finance.post("/api/payment-runs", { period: "2026-11" });
    expect(run.status).toBe(201);
    const lines = run.body.lines as { account: string; payeeKind: string }[];
    expect(lines.find((l) => l.account === `fund:${direct}`)?.payeeKind).toBe("direct-payment");
    const providers = lines.filter((l) => l.account.startsWith("provider:"));
    expect(providers.length).toBeGreaterThan(0);
    expect(providers.every((l) => l.payeeKind === "provider")).toBe(true);
    const [stored] = await sql<{ n: string }>(
      "select count(*) as n from payment_run_lines where run_id = $1 and payee_kind is not null",
      [run.body.id],
    );
    expect(Number(stored?.n)).toBe(lines.length);
  });
});

/** A small deterministic generator, so a failing case can be found again. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe("the agreements in force", () => {
  it("are the contracts contractStatus calls active, on many generated cases", async () => {
    const next = random(12);
    const [base] = await sql<{ id: string; person_id: string; provider_id: string }>(
      "select c.id, c.person_id, p.id as provider_id from contracts c cross join (select id from providers limit 1) p limit 1",
    );
    const [user] = await sql<{ id: string }>("select id from users limit 1");
    const kinds = ["three-way", "direct-payment-agreement", "service-order"];
    for (let i = 0; i < 60; i++) {
      const kind = kinds[Math.floor(next() * 3)] as string;
      const [c] = await sql<{ id: string }>(
        "insert into contracts (person_id, kind, provider_id, key) values ($1, $2, $3, $4) returning id",
        [
          base?.person_id,
          kind,
          kind === "direct-payment-agreement" ? null : base?.provider_id,
          `gen-${i}`,
        ],
      );
      const versions = 1 + Math.floor(next() * 3);
      for (let v = 1; v <= versions; v++) {
        const [row] = await sql<{ id: string }>(
          `insert into contract_versions (contract_id, version, terms, document, document_hash, change_summary, plan_version_id, template_id, created_by)
           select $1, $2, terms, document, document_hash, change_summary, plan_version_id, template_id, created_by
           from contract_versions where contract_id = $3 limit 1 returning id`,
          [c?.id, v, base?.id],
        );
        for (const party of PARTIES.filter(() => next() < 0.6))
          await sql(
            "insert into contract_signatures (contract_version_id, party, signed_by, signer_name, document_hash) values ($1, $2, $3, 'Generated', 'x')",
            [row?.id, party, user?.id],
          );
      }
    }
    const all = await sql<{ id: string }>("select id from contracts");
    const active = [];
    for (const { id } of all)
      if ((await contractView(cairn.database.db, id))?.status === "active") active.push(id);
    const found = (await agreementsInForce(cairn.database.db)).map((a) => a.contractId);
    expect(found.sort()).toEqual(active.sort());
    expect(active.length).toBeGreaterThan(5);
    expect(all.length - active.length).toBeGreaterThan(5);
  });

  it("get their accounts from the migration on a database that had none", async () => {
    const folder = new URL("../../../drizzle/", import.meta.url);
    const file = readdirSync(folder).find((f) =>
      f.endsWith("payee-kind-and-accounts-in-force.sql"),
    );
    const statements = readFileSync(new URL(file as string, folder), "utf8").split(
      "--> statement-breakpoint",
    );
    const backfill = statements.slice(statements.findIndex((s) => s.includes("in_force_backfill")));
    const inForce = await agreementsInForce(cairn.database.db);
    const missing = async () =>
      (
        await Promise.all(
          inForce.map(async (a) => ((await account(`fund:${a.contractId}`)) ? null : a)),
        )
      ).filter(Boolean);
    expect((await missing()).length).toBeGreaterThan(0);
    for (const s of backfill) await sql(s);
    expect(await missing()).toEqual([]);
    const option = { "three-way": "2", "direct-payment-agreement": "1", "service-order": "3" };
    for (const a of inForce)
      expect((await account(`fund:${a.contractId}`))?.option).toBe(option[a.kind]);
  });
});
