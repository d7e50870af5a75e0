// RAS figures for issue 4: indicative budgets for 250,000 synthetic assessments (throughput),
// and the impact simulation over 250,000 current budgets against the best single SQL query
// that gives the same totals, in the same run.
import { DEMO_RAS } from "../src/demo/ras";
import { simulateImpact } from "../src/modules/budgets/impact";
import { indicativeBudget, type RasDefinition, type RasInput } from "../src/modules/budgets/ras";
import { currentBudgetsWithRasInput } from "../src/modules/budgets/store";
import type { Database } from "../src/platform/db/client";

export const SIZE = Number(process.env.BENCH_RAS_SIZE ?? 250_000);

/** A deterministic stream of plausible RAS answers. */
export function syntheticInputs(n: number, def: RasDefinition = DEMO_RAS): RasInput[] {
  let seed = 42;
  const next = (k: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % k;
  };
  return Array.from({ length: n }, () => ({
    careGroup: def.careGroups[next(def.careGroups.length)] as string,
    answers: Object.fromEntries(
      def.questions.map((q) => [
        q.key,
        (q.answers[next(q.answers.length)] as { value: string }).value,
      ]),
    ),
    adjustments: def.adjustments.filter(() => next(4) === 0).map((a) => a.key),
  }));
}

export function throughput(inputs: RasInput[]) {
  const started = performance.now();
  let total = 0;
  for (const input of inputs) {
    const result = indicativeBudget(DEMO_RAS, input);
    if (!("errors" in result)) total += result.totalPence;
  }
  const ms = performance.now() - started;
  return {
    budgets: inputs.length,
    ms: Math.round(ms),
    perSecond: Math.round((inputs.length / ms) * 1000),
    totalPence: total,
  };
}

/** Loads n people with an in-force RAS budget each, in a few set-based statements. */
export async function loadBudgets(database: Database, inputs: RasInput[]) {
  const q = database.query.bind(database);
  await q(
    `insert into localities (name) select 'Bench locality ' || g from generate_series(1, 7) g on conflict do nothing`,
  );
  const [user] = await q<{ id: string }>(
    `insert into users (email, display_name, role, password_hash) values ('bench@example.org', 'Bench', 'social-worker', 'x')
     on conflict (email) do update set display_name = excluded.display_name returning id`,
  );
  const chunk = 25_000;
  for (let from = 0; from < inputs.length; from += chunk) {
    const slice = inputs.slice(from, from + chunk);
    await q(
      `with input as (select ordinality as n, value as ras from jsonb_array_elements($1::jsonb) with ordinality),
       loc as (select id, row_number() over (order by name) as k from localities),
       p as (insert into people (given_name, family_name, date_of_birth, locality_id)
             select 'Bench', 'Person ' || ($2::int + n), date '1950-01-01',
                    (select id from loc where k = 1 + (n % (select count(*) from loc)))
             from input returning id, family_name),
       numbered as (select p.id, input.ras from p join input on p.family_name = 'Person ' || ($2::int + input.n)),
       a as (insert into assessments (person_id, summary, recorded_by, status)
             select id, 'bench', $3::uuid, 'approved' from numbered returning id, person_id),
       d as (insert into eligibility_decisions (person_id, assessment_id, risk_level, eligible, reasons, decided_by)
             select person_id, id, 'substantial', true, 'bench', $3::uuid from a returning id, person_id)
       insert into budget_entries (person_id, eligibility_decision_id, annual_amount_pence, reason, set_by, ras_input)
       select d.person_id, d.id, 1000000, 'bench', $3::uuid, numbered.ras from d join numbered on numbered.id = d.person_id`,
      [JSON.stringify(slice), from, user?.id],
    );
  }
}

/**
 * The same totals in one SQL statement: each person's points from their answers, the band's
 * rate for their care group, the adjustments, and the sum of changes against the amount in force.
 */
export const BEST_SQL = `
with def as (select $1::jsonb as d),
current as (
  select distinct on (b.person_id) b.person_id, b.annual_amount_pence as pence
  from budget_entries b left join budget_approvals ap on ap.budget_entry_id = b.id
  where b.approval_needed is null or ap.decision = 'approved'
  order by b.person_id, b.set_at desc),
input as (
  select distinct on (person_id) person_id, ras_input as ras
  from budget_entries where ras_input is not null order by person_id, set_at desc),
scored as (
  select i.person_id, i.ras,
    (select sum((a->>'points')::bigint) from def, jsonb_array_elements(d->'questions') q,
       jsonb_array_elements(q->'answers') a
     where a->>'value' = i.ras->'answers'->>(q->>'key')) as points
  from input i),
priced as (
  select s.person_id, s.ras, s.points * (band->'pencePerPoint'->>(s.ras->>'careGroup'))::bigint as base
  from scored s, def, jsonb_array_elements(d->'bands') band
  where s.points >= (band->>'fromPoints')::bigint
    and (band->'toPoints' = 'null'::jsonb or s.points <= (band->>'toPoints')::bigint))
-- Each adjustment is rounded on its own, as the budget's lines show it.
select count(*) as people, sum(greatest(0, base + coalesce((
    select sum(round(base * (adj->>'basisPoints')::bigint / 10000.0))
    from def, jsonb_array_elements(d->'adjustments') adj
    where p.ras->'adjustments' ? (adj->>'key')), 0)) - c.pence) as change
from priced p join current c using (person_id)`;

export async function simulation(database: Database, candidate: RasDefinition) {
  let t = performance.now();
  const impact = simulateImpact(candidate, await currentBudgetsWithRasInput(database.db));
  const appMs = performance.now() - t;
  t = performance.now();
  const [sqlTotals] = await database.query<{ people: string; change: string }>(BEST_SQL, [
    JSON.stringify(candidate),
  ]);
  const sqlMs = performance.now() - t;
  return {
    people: impact.overall.people,
    appChangePence: impact.overall.changePence,
    sqlChangePence: Number(sqlTotals?.change),
    sameTotals:
      Number(sqlTotals?.change) === impact.overall.changePence &&
      Number(sqlTotals?.people) === impact.overall.people,
    appMs: Math.round(appMs),
    sqlMs: Math.round(sqlMs),
    ratio: Math.round((appMs / sqlMs) * 100) / 100,
  };
}
