// Subject access at the demo council's biggest record: finds the person with the most audit
// entries and ledger postings, adds BENCH_AUDIT (20,000) audit entries to it, then times gathering everything about them and zipping it, as the
// route does (`tsx bench/subject-access-run.ts`). Figures go to stdout.
import { seedDemoOnce } from "../src/demo/seed";
import { subjectAccessZip } from "../src/modules/data-protection/subject-access";
import { gatherSubjectAccess } from "../src/modules/data-protection/subject-access-store";
import { openDatabase } from "../src/platform/db/client";

const database = await openDatabase({ kind: "pglite", dataDir: null });
try {
  await seedDemoOnce(database.db);
  await database.query("analyze");
  const [biggest] = await database.query<{ id: string; audit: number; postings: number }>(
    `select * from (select p.id,
       (select count(*)::int from audit_log a where a.person_id = p.id) as audit,
       (select count(*)::int from ledger_entries e join ledger_accounts l on l.key = e.account
         where l.person_id = p.id) as postings
     from people p) counted order by audit + postings desc limit 1`,
  );
  if (!biggest) throw new Error("the demo has no people");
  // The demo seeds no audit history: give the record years of reads and changes (BENCH_AUDIT).
  const audit = Number(process.env.BENCH_AUDIT ?? 20000);
  await database.query(
    `insert into audit_log (actor_user_id, actor_role, action, resource_type, resource_id, person_id, outcome, detail)
     select (select id from users where role = 'social-worker' limit 1), 'social-worker',
       case when g % 10 = 0 then 'update' else 'read' end, 'person', $1::uuid::text, $1::uuid, 'allowed',
       jsonb_build_object('relationship', 'allocated-worker')
     from generate_series(1, $2::int) g`,
    [biggest.id, audit],
  );
  biggest.audit += audit;
  const times: number[] = [];
  let bytes = 0;
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const record = await gatherSubjectAccess(database.db, biggest.id, "Bench");
    bytes = subjectAccessZip(record).length;
    times.push(performance.now() - started);
    rows = record.sections.reduce((n, s) => n + s.rows.length, 0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `subject access, biggest demo record (${biggest.audit} audit entries, ${biggest.postings} ledger postings): ${rows} rows, zip ${Math.round(bytes / 1024)} KiB; median ${Math.round(times[2] ?? 0)} ms, slowest ${Math.round(times[4] ?? 0)} ms over 5 runs`,
  );
} finally {
  await database.close();
}
