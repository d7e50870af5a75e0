import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCairn, type TestCairn } from "../../testing/api";
import { journey } from "../../testing/journey";
import { describeChain, verifyAuditChain } from "../audit/chain";
import { openDatabase } from "./client";

// Issue 13, finding 3: append-only binds Cairn itself. On PostgreSQL these run as the app role
// (createTestDatabase), as Cairn does; `asOwner` is the tables' owner, tampering around it.

let cairn: TestCairn;
beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  cairn.database.query<T>(text, params);
const onPostgres = () => cairn.database.kind === "postgres";

/** A new person whose provider has returned a month: ledger transactions, return lines, accounts. */
async function returned() {
  const j = await journey(cairn)
    .budget("7831.20")
    .plan({ option: "2" })
    .signed()
    .allocated("2026-11")
    .returned("2026-11", { planned: "26", delivered: "26" });
  const [line] = await sql<{ id: string; transaction_id: string }>(
    `select l.id, l.transaction_id from provider_return_lines l
       join provider_returns r on r.id = l.return_id where r.contract_id = $1`,
    [j.contractId],
  );
  const [fund] = await sql<{ key: string }>(
    "select key from ledger_accounts where contract_id = $1 and kind = 'fund'",
    [j.contractId],
  );
  if (!line || !fund) throw new Error("the journey made no return line or fund");
  return { j, line, fund: fund.key };
}

const APPEND_ONLY = [
  "audit_log",
  "budget_entries",
  "budget_approvals",
  "budget_streams",
  "budget_authority",
  "plan_events",
  "assessment_versions",
  "eligibility_criteria",
  "ras_versions",
  "provider_financial_checks",
  "provider_contingency_plans",
  "directory_versions",
  "plan_versions",
  "plan_decisions",
  "contract_templates",
  "contract_versions",
  "contract_signatures",
  "ledger_transactions",
  "ledger_entries",
  "ledger_accounts",
  "payment_run_lines",
  "provider_return_lines",
  "assessment_sign_off_settings",
  "assessment_sign_off_reallocations",
];

describe("the role Cairn runs as", () => {
  it("on PostgreSQL owns no table and is no superuser, and Cairn gives no warning", async () => {
    const [me] = await sql<{ superuser: boolean; owned: string }>(
      `select (select rolsuper from pg_roles where rolname = current_user) as superuser,
              (select count(*) from pg_tables where schemaname = 'public'
                 and tableowner = current_user) as owned`,
    );
    // PGlite has one role, which owns every table: there the triggers below are what binds it.
    expect(me?.superuser).toBe(!onPostgres());
    expect(Number(me?.owned) > 0).toBe(!onPostgres());
    expect(cairn.database.warning).toBeUndefined();
  });

  it("on PostgreSQL as the owner (one URL), Cairn still works but warns that it could undo all this", async () => {
    const ownerUrl = cairn.database.ownerUrl;
    if (ownerUrl) {
      const asOwner = await openDatabase({ kind: "postgres", url: ownerUrl });
      await asOwner.close();
      expect(asOwner.warning).toMatch(/WARNING: Cairn runs as the database role "[^"]+", which/);
    } else expect(cairn.database.kind).toBe("pglite"); // one role, embedded: no warning to give
  });

  it("may not TRUNCATE any append-only table; nor may the owner (a statement trigger)", async () => {
    for (const table of APPEND_ONLY) {
      await expect(sql(`truncate ${table} cascade`), table).rejects.toThrow(
        onPostgres() ? /permission denied/ : /append-only: TRUNCATE is not allowed/,
      );
      await expect(cairn.database.asOwner(`truncate ${table} cascade`), table).rejects.toThrow(
        /append-only: TRUNCATE is not allowed/,
      );
    }
    expect(Number((await sql<{ n: string }>("select count(*) as n from audit_log"))[0]?.n)).toBe(
      Number((await sql<{ n: string }>("select max(seq) as n from audit_log"))[0]?.n),
    );
  });

  it("on PostgreSQL may not DROP a table, disable its triggers or change its schema", async () => {
    const statements = [
      "drop table audit_log",
      "drop table ledger_entries cascade",
      "alter table audit_log disable trigger audit_log_append_only",
      "alter table ledger_entries disable trigger all",
      "alter table ledger_transactions add column note text",
      "create table sneaky (id int)",
      "drop trigger audit_log_chain on audit_log",
      "create or replace function cairn_refuse_change() returns trigger as $$ begin return new; end $$ language plpgsql",
    ];
    for (const statement of statements) {
      if (onPostgres())
        await expect(sql(statement), statement).rejects.toThrow(/must be owner|permission denied/);
    }
    // PGlite's one role owns the tables: what it does around the chain, verify finds (below).
    expect((await verifyAuditChain(cairn.database)).intact).toBe(true);
  });

  it("may not UPDATE or DELETE append-only rows", async () => {
    const { line } = await returned();
    const refused = /append-only|permission denied/;
    await expect(sql("update audit_log set action = 'x' where seq = 1")).rejects.toThrow(refused);
    await expect(sql("delete from audit_log where seq = 1")).rejects.toThrow(refused);
    await expect(
      sql("update ledger_entries set pence = pence * 2 where transaction_id = $1", [
        line.transaction_id,
      ]),
    ).rejects.toThrow(refused);
    await expect(
      sql("delete from ledger_transactions where id = $1", [line.transaction_id]),
    ).rejects.toThrow(refused);
  });
});

describe("rows that change state, kept narrowly", () => {
  it("a ledger account keeps who and what it is (its bank details are versions of their own)", async () => {
    const { fund } = await returned();
    await expect(
      sql("update ledger_accounts set label = 'Someone else' where key = $1", [fund]),
    ).rejects.toThrow(/label is kept as recorded/);
    await expect(
      sql("update ledger_accounts set person_id = null where key = $1", [fund]),
    ).rejects.toThrow(/person_id is kept as recorded/);
    await expect(sql("delete from ledger_accounts where key = $1", [fund])).rejects.toThrow(
      /keeps its rows/,
    );
    await expect(
      sql("update ledger_accounts set option = '1' where key = $1", [fund]),
    ).rejects.toThrow(/option is kept as recorded/);
  });

  it("a provider's return line keeps what was delivered and charged", async () => {
    const { line } = await returned();
    await expect(
      sql("update provider_return_lines set pence = pence + 100000 where id = $1", [line.id]),
    ).rejects.toThrow(/pence is kept as recorded/);
    await expect(
      sql("update provider_return_lines set delivered_minutes = 99999 where id = $1", [line.id]),
    ).rejects.toThrow(/delivered_minutes is kept as recorded/);
    await expect(
      sql("update provider_return_lines set transaction_id = null where id = $1", [line.id]),
    ).rejects.toThrow(/transaction_id is kept as recorded/);
    await expect(sql("delete from provider_return_lines where id = $1", [line.id])).rejects.toThrow(
      /keeps its rows/,
    );
  });

  it("a payment run line keeps whom it pays and how much; held only in a draft; paid once", async () => {
    const { j, line } = await returned();
    const [user] = await sql<{ id: string }>("select id from users limit 1");
    const [run] = await sql<{ id: string }>(
      "insert into payment_runs (period, created_by, status) values ('2026-11', $1, 'paid') returning id",
      [user?.id],
    );
    const [row] = await sql<{ id: string }>(
      `insert into payment_run_lines (run_id, account, payee_kind, payee_name, pence)
       values ($1, $2, 'provider', 'A provider', 65260) returning id`,
      [run?.id, `provider:${j.contracts[0]?.providerId}`],
    );
    const change = (set: string, params: unknown[] = []) =>
      sql(`update payment_run_lines set ${set} where id = $1`, [row?.id, ...params]);
    await expect(change("pence = 1")).rejects.toThrow(/pence is kept as recorded/);
    await expect(change("account_number = '99999999'")).rejects.toThrow(
      /account_number is kept as recorded/,
    );
    await expect(change("held_reason = 'later'")).rejects.toThrow(/only while its run is a draft/);
    await change("transaction_id = $2", [line.transaction_id]); // its payment, recorded once
    await expect(change("transaction_id = null")).rejects.toThrow(
      /transaction_id is kept as recorded/,
    );
    await expect(sql("delete from payment_run_lines where id = $1", [row?.id])).rejects.toThrow(
      /keeps its rows/,
    );
  });
});

describe("a posted ledger transaction", () => {
  it("gains no entries, even a balanced pair; entries go in with the transaction", async () => {
    const { line, fund } = await returned();
    await expect(
      sql(
        `insert into ledger_entries (transaction_id, account, pence)
         values ($1, $2, -100), ($1, 'council:funding', 100)`,
        [line.transaction_id, fund],
      ),
    ).rejects.toThrow(/is posted: it gains no entries/);
    // The same, forging the database transaction it was opened in: the trigger sets its own.
    const [{ id } = { id: "" }] = await sql<{ id: string }>(
      `with t as (
         insert into ledger_transactions (kind, source_type, source_id, idempotency_key, memo, recorded_by, opened_in)
         select 'allocation', 'test', 'posted', 'test:posted:' || gen_random_uuid(), 'Test', recorded_by, 1
           from ledger_transactions where id = $1 returning id)
       insert into ledger_entries (transaction_id, account, pence)
       select id, a, p from t, (values ($2, 100), ('council:funding', -100)) v(a, p) returning transaction_id as id`,
      [line.transaction_id, fund],
    );
    expect(id).toBeTruthy();
    await expect(
      sql(
        "insert into ledger_entries (transaction_id, account, pence) values ($1, $2, -5), ($1, 'council:funding', 5)",
        [id, fund],
      ),
    ).rejects.toThrow(/is posted/);
  });
});

describe("the audit log as a hash chain", () => {
  const insert = (at?: string) =>
    sql<{ id: string; seq: string; at: string }>(
      `insert into audit_log (actor_role, action, resource_type, outcome${at ? ", at" : ""})
       values ('test', 'read', 'chain-test', 'allowed'${at ? ", $1" : ""}) returning id, seq, at`,
      at ? [at] : [],
    );

  it("refuses a backdated row; a row without a time is stamped after the last", async () => {
    await expect(insert("2020-01-01T00:00:00Z")).rejects.toThrow(/before the last row/);
    const [last] = await sql<{ seq: string; at: string }>(
      "select seq, at from audit_log order by seq desc limit 1",
    );
    const [row] = await insert();
    expect(Number(row?.seq)).toBe(Number(last?.seq) + 1);
    expect(new Date(row?.at ?? 0) >= new Date(last?.at ?? 0)).toBe(true);
    const [ahead] = await insert(new Date(Date.now() + 1000).toISOString()); // never before
    expect(Number(ahead?.seq)).toBe(Number(row?.seq) + 1);
  });

  it("stays one chain with writers in parallel (many connections on PostgreSQL)", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? insert()
          : journey(cairn)
              .referred()
              .then(() => undefined),
      ),
    );
    const report = await verifyAuditChain(cairn.database);
    const [{ n } = { n: "" }] = await sql<{ n: string }>("select count(*) as n from audit_log");
    expect(report).toEqual({ intact: true, rows: Number(n) });
    expect(describeChain(report)).toBe(`Audit chain intact, ${n} rows`);
  });

  it("verify reports the first broken link: a row changed, removed or added around the chain", async () => {
    const rows = await sql<{ id: string }>("select id from audit_log order by seq limit 8");
    const [, , changed, , removed, next] = rows;
    if (!changed || !removed || !next) throw new Error("too few audit rows");
    // As the owner with the triggers off, as someone working around Cairn would.
    const around = async (statement: string, params: unknown[] = []) => {
      await cairn.database.asOwner("alter table audit_log disable trigger user");
      try {
        return await cairn.database.asOwner(statement, params);
      } finally {
        await cairn.database.asOwner("alter table audit_log enable trigger user");
      }
    };
    const brokenAt = async (id: string | undefined) =>
      expect(await verifyAuditChain(cairn.database)).toMatchObject({
        intact: false,
        rowId: Number(id),
      });

    const [{ action } = { action: "" }] = await sql<{ action: string }>(
      "select action from audit_log where id = $1",
      [changed.id],
    );
    await around("update audit_log set action = 'nothing to see' where id = $1", [changed.id]);
    await brokenAt(changed.id);
    expect(describeChain(await verifyAuditChain(cairn.database))).toMatch(
      new RegExp(`^Audit chain broken at row id ${changed.id}: its content does not match`),
    );
    await around("update audit_log set action = $2 where id = $1", [changed.id, action]);
    expect((await verifyAuditChain(cairn.database)).intact).toBe(true);

    const [{ copy } = { copy: null }] = await sql<{ copy: unknown }>(
      "select to_jsonb(a)::text as copy from audit_log a where id = $1", // to the microsecond
      [removed.id],
    );
    await around("delete from audit_log where id = $1", [removed.id]);
    await brokenAt(next.id); // the row after the gap
    await around(
      `insert into audit_log overriding system value
       select * from jsonb_populate_record(null::audit_log, $1::jsonb)`,
      [copy],
    );
    expect((await verifyAuditChain(cairn.database)).intact).toBe(true);

    const [added] = await around(
      `insert into audit_log (actor_role, action, resource_type, outcome)
       values ('test', 'read', 'around', 'allowed') returning id`,
    );
    await brokenAt(String(added?.id));
    await around("delete from audit_log where id = $1", [added?.id]);
    expect((await verifyAuditChain(cairn.database)).intact).toBe(true);
  });
});
