// The audit hash chain's cost (issue 13, finding 3), on PostgreSQL (DATABASE_URL; two roles as
// scripts/with-postgres.sh makes them, or one). Parallel writers each commit transactions that
// append one audit row, as a route's transaction does at its end; timed with the chain trigger
// on and then off (the owner turns it off), at 1, 4 and 10 writers (the app's pool size).
// Run: bash scripts/with-postgres.sh npx tsx bench/audit-chain-run.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { createTestDatabase } from "../src/platform/db/testing";
import { closedLoop, type Latency } from "./load";

if (!process.env.DATABASE_URL)
  throw new Error("Set DATABASE_URL: the chain's cost is measured on PostgreSQL.");
const TOTAL = Number(process.env.BENCH_AUDIT_ROWS ?? 3000);
const database = await createTestDatabase();
const append = () =>
  database.db.transaction(async (tx) => {
    await tx.execute(sql`select 1`); // the route's own work comes first; the audit row last
    await tx.execute(
      sql`insert into audit_log (actor_role, action, resource_type, outcome, detail)
          values ('social-worker', 'read', 'person', 'allowed', '{"bench": true}')`,
    );
  });

const results: { chain: string; writers: number; latency: Latency }[] = [];
for (const chain of ["on", "off"] as const) {
  await database.asOwner(
    `alter table audit_log ${chain === "on" ? "enable" : "disable"} trigger audit_log_chain`,
  );
  for (const writers of [1, 4, 10]) {
    await closedLoop(writers, 200, append); // warm up
    const latency = await closedLoop(writers, TOTAL, append);
    results.push({ chain, writers, latency });
    console.log(`chain ${chain}, ${writers} writers: ${JSON.stringify(latency)}`);
  }
}
await database.asOwner("alter table audit_log enable trigger audit_log_chain");
await database.close();
mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest-audit-chain.json", import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
