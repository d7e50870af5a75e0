// npm run bench (fifth part): agreements in force at size. Loads 2,000 contracts in force (a mix
// of the three kinds, each with its signatures and accounts) beside the demo council, then times
// finding the contracts in force and drafting a payment run (rolled back) through the app's own
// functions, and the in-force query run raw. Figures go to stdout and bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { seedDemoOnce } from "../src/demo/seed";
import { contractsInForce } from "../src/modules/ledger/funds";
import { draftRun } from "../src/modules/ledger/payment-store";
import { type Database, openDatabase } from "../src/platform/db/client";
import { engine } from "./engine";
import { summarise } from "./load";

const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 2000);
const SAMPLES = Number(process.env.BENCH_IN_FORCE_SAMPLES ?? 20);

const RAW_IN_FORCE = `select c.id, c.person_id, c.provider_id, c.kind, cv.id, cv.terms from contracts c
  join contract_versions cv on cv.contract_id = c.id
   and cv.version = (select max(v.version) from contract_versions v where v.contract_id = c.id)
  where not exists (select 1 from (values ('three-way','person'),('three-way','provider'),('three-way','council'),
    ('direct-payment-agreement','person'),('direct-payment-agreement','council'),('service-order','council'),
    ('service-order','provider')) needed(kind, party) where needed.kind = c.kind and not exists (
    select 1 from contract_signatures s where s.contract_version_id = cv.id and s.party = needed.party))`;

/** Contracts copied from a demo one: kinds in turn, all signed, with the accounts they run on. */
async function load(db: Database) {
  const kind = `(array['three-way','direct-payment-agreement','service-order'])[g % 3 + 1]`;
  await db.query(
    `insert into contracts (person_id, kind, provider_id, key)
     select (select array_agg(id order by id) from people)[g % (select count(*) from people) + 1], ${kind},
       case when g % 3 = 1 then null else (select provider_id from contracts where provider_id is not null limit 1) end,
       'bench-' || g
     from generate_series(1, ${CONTRACTS}) g`,
  );
  await db.query(
    `insert into contract_versions (contract_id, version, terms, document, document_hash, change_summary, plan_version_id, template_id, created_by)
     select c.id, 1, v.terms, v.document, v.document_hash, v.change_summary, v.plan_version_id, v.template_id, v.created_by
     from contracts c cross join (select * from contract_versions limit 1) v where c.key like 'bench-%'`,
  );
  await db.query(
    `insert into contract_signatures (contract_version_id, party, signed_by, signer_name, document_hash)
     select cv.id, p.party, cv.created_by, 'Bench', cv.document_hash
     from contract_versions cv join contracts c on c.id = cv.contract_id
     cross join (values ('person'), ('provider'), ('council')) p(party)
     where c.key like 'bench-%' and not (c.kind = 'direct-payment-agreement' and p.party = 'provider')
       and not (c.kind = 'service-order' and p.party = 'person')`,
  );
  await db.query(
    `insert into ledger_accounts (key, kind, label, person_id, provider_id, contract_id, option)
     select 'fund:' || id, 'fund', 'Bench fund', person_id, provider_id, id,
       case kind when 'three-way' then '2' when 'direct-payment-agreement' then '1' else '3' end
     from contracts where key like 'bench-%' on conflict do nothing`,
  );
  await db.query("analyze");
}

async function onEngine(name: "pglite" | "postgres") {
  const target = await engine(name);
  const db = await openDatabase(target.target);
  await seedDemoOnce(db.db);
  await load(db);
  const [user] = await db.query<{ id: string }>("select id from users limit 1");
  const time = async (task: () => Promise<unknown>) => {
    await task(); // warm-up
    const samples: number[] = [];
    const start = performance.now();
    for (let i = 0; i < SAMPLES; i++) {
      const s = performance.now();
      await task();
      samples.push(performance.now() - s);
    }
    return summarise(samples, performance.now() - start);
  };
  const rolledBack = new Error("rolled back");
  const results = {
    engine: name,
    contractsInForce: (await contractsInForce(db.db)).length,
    inForce: {
      app: await time(() => contractsInForce(db.db)),
      raw: await time(() => db.query(RAW_IN_FORCE)),
    },
    draftRun: await time(() =>
      db.db
        .transaction(async (tx) => {
          await draftRun(tx, "2026-12", user?.id as string);
          throw rolledBack;
        })
        .catch((e) => {
          if (e !== rolledBack) throw e;
        }),
    ),
  };
  await db.close();
  await target.cleanup();
  return results;
}

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  contracts: CONTRACTS,
  pglite: await onEngine("pglite"),
};
if (process.env.DATABASE_URL) results.postgres = await onEngine("postgres");
mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest-in-force.json", import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(JSON.stringify(results, null, 2));
