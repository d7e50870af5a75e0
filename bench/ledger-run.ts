// npm run bench (fourth part): the ledger at size. Loads synthetic entries (2 million on PGlite;
// 20 million on PostgreSQL when DATABASE_URL is set), then times one account's balance and one
// month's statement data through the app's own functions against the same SQL run raw, and
// counts statement PDFs a minute on one core. Figures go to stdout and bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { seedDemoOnce } from "../src/demo/seed";
import { COUNCIL_ACCOUNTS } from "../src/modules/ledger/funds";
import { monthlyStatement } from "../src/modules/ledger/statement";
import { printableStatement } from "../src/modules/ledger/statement-store";
import { balanceOf, movements } from "../src/modules/ledger/store";
import { type Database, openDatabase } from "../src/platform/db/client";
import { renderPdf } from "../src/platform/documents/pdf";
import { engine } from "./engine";
import { summarise } from "./load";

const SAMPLES = 300;

function rssSampler() {
  let highest = process.memoryUsage().rss;
  const timer = setInterval(() => {
    highest = Math.max(highest, process.memoryUsage().rss);
  }, 50);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(highest, process.memoryUsage().rss) / 2 ** 20);
  };
}

/** A realistic mix: 20% allocations, 60% charges, 10% purchases, 10% payments; two entries each. */
async function load(db: Database, entries: number) {
  const transactions = entries / 2;
  const funds = Math.max(1000, Math.round(transactions / 50));
  const providers = 500;
  const [user] = await db.query<{ id: string }>("select id from users limit 1");
  await db.query(
    `insert into ledger_accounts (key, kind, label) values ${COUNCIL_ACCOUNTS.map((_, i) => `($${i * 2 + 1}, 'council', $${i * 2 + 2})`).join(",")} on conflict do nothing`,
    COUNCIL_ACCOUNTS.flatMap((a) => [a.key, a.label]),
  );
  await db.query(
    `insert into ledger_accounts (key, kind, label) select 'fund:bench-' || g, 'fund', 'Bench fund ' || g from generate_series(0, ${funds - 1}) g`,
  );
  await db.query(
    `insert into ledger_accounts (key, kind, label) select 'provider:bench-' || g, 'provider', 'Bench provider ' || g from generate_series(0, ${providers - 1}) g`,
  );
  // Bulk loading checks balance once, set-based, instead of once per entry at commit.
  await db.query("alter table ledger_entries disable trigger ledger_entries_balanced");
  const chunk = 250_000;
  for (let from = 1; from <= transactions; from += chunk) {
    const to = Math.min(transactions, from + chunk - 1);
    await db.query(
      `with t as (
         insert into ledger_transactions (kind, source_type, source_id, idempotency_key, period, memo, recorded_by)
         select case when g % 10 < 2 then 'allocation' when g % 10 < 8 then 'charge' when g % 10 = 8 then 'purchase' else 'payment' end,
                'bench', g::text, 'bench:' || g, '2026-' || lpad(((g % 12) + 1)::text, 2, '0'), 'Bench ' || (g % 10), $1
         from generate_series(${from}, ${to}) g
         returning id, kind, source_id::bigint as g)
       insert into ledger_entries (transaction_id, account, pence)
       select t.id, e.account, e.pence from t cross join lateral (
         select case t.kind when 'allocation' then 'council:funding' when 'payment' then 'provider:bench-' || (t.g % ${providers}) else 'fund:bench-' || (t.g % ${funds}) end as src,
                case t.kind when 'allocation' then 'fund:bench-' || (t.g % ${funds}) when 'charge' then 'provider:bench-' || (t.g % ${providers})
                            when 'purchase' then 'council:purchases' else 'council:paid-out' end as dst,
                1000 + (t.g * 7919) % 90000 as amount) a
       cross join lateral (values (a.src, -a.amount), (a.dst, a.amount)) e(account, pence)`,
      [user?.id],
    );
  }
  await db.query("alter table ledger_entries enable trigger ledger_entries_balanced");
  const [unbalanced] = await db.query<{ n: string }>(
    "select count(*) as n from (select transaction_id from ledger_entries group by transaction_id having sum(pence) <> 0) x",
  );
  await db.query("analyze");
  return { transactions, funds, providers, unbalanced: Number(unbalanced?.n) };
}

async function onEngine(name: "pglite" | "postgres", entries: number) {
  const target = await engine(name);
  const db = await openDatabase(target.target);
  await seedDemoOnce(db.db);
  const peak = rssSampler();
  const t = performance.now();
  const loaded = await load(db, entries);
  const loadMs = Math.round(performance.now() - t);
  const peakMiB = peak();
  const fund = (i: number) => `fund:bench-${(i * 7919) % loaded.funds}`;
  const period = "2026-06";
  const time = async (task: (i: number) => Promise<unknown>) => {
    const samples: number[] = [];
    const start = performance.now();
    for (let i = 0; i < SAMPLES; i++) {
      const s = performance.now();
      await task(i);
      samples.push(performance.now() - s);
    }
    return summarise(samples, performance.now() - start);
  };
  await time((i) => balanceOf(db.db, fund(i))); // warm-up
  const results = {
    engine: name,
    entries,
    ...loaded,
    loadMs,
    peakRssMiB: peakMiB,
    balance: {
      app: await time((i) => balanceOf(db.db, fund(i))),
      raw: await time((i) =>
        db.query("select coalesce(sum(pence), 0) from ledger_entries where account = $1", [
          fund(i),
        ]),
      ),
    },
    statement: {
      app: await time(async (i) =>
        monthlyStatement(
          await balanceOf(db.db, fund(i), period),
          await movements(db.db, fund(i), period),
        ),
      ),
      raw: await time(async (i) => {
        await db.query(
          "select coalesce(sum(e.pence), 0) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where e.account = $1 and t.period < $2",
          [fund(i), period],
        );
        await db.query(
          "select t.kind, t.memo, e.pence from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where e.account = $1 and t.period = $2 order by t.recorded_at, e.id",
          [fund(i), period],
        );
      }),
    },
  };
  await db.close();
  await target.cleanup();
  return results;
}

async function pdfsPerMinute() {
  const statement = monthlyStatement(120_000, [
    { kind: "allocation", memo: "Budget", pence: 65_260 },
    { kind: "charge", memo: "Allotment support", pence: -61_495 },
    { kind: "purchase", memo: "Seeds and compost", pence: -1_840 },
  ]);
  const statements = [
    {
      fund: {
        key: "fund:x",
        label: "Isobel Taylor's Individual Service Fund with Linn",
        option: "2" as const,
      },
      statement,
    },
  ];
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < 30_000) {
    await renderPdf(
      printableStatement("2026-12", statements, count % 2 === 1),
      count % 2 ? "large" : "standard",
    );
    count++;
  }
  return Math.round((count * 60_000) / (performance.now() - start));
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  pglite: await onEngine("pglite", Number(process.env.BENCH_PGLITE_ENTRIES ?? 2_000_000)),
};
if (process.env.DATABASE_URL)
  results.postgres = await onEngine("postgres", Number(process.env.BENCH_PG_ENTRIES ?? 20_000_000));
results.statementPdfsPerMinute = await pdfsPerMinute();
mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest-ledger.json", import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(JSON.stringify(results, null, 2));
