import { count, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { STAGES, type Stage } from "../people/stage";
import { summarisePeople } from "../people/store";
import type { PlanOption } from "../plans/costing";
import { providers } from "../providers/schema";
import { currentBudgetsTotal, optionOfEachPerson } from "./counts";
import { REPORTED_OPTIONS } from "./option-of-person";

/** Aggregates for finance, commissioning and managers: counts and sums, no personal data. */
export async function reportSummary(db: Db) {
  const everyone = await summarisePeople(db, sql`true`);
  const peopleByStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const person of everyone) peopleByStage[person.stage]++;
  // People on each option, and their budgets, counted once per person (see option-of-person).
  const options = await optionOfEachPerson(db);
  const plansByOption = Object.fromEntries(REPORTED_OPTIONS.map((o) => [o, 0])) as Record<
    PlanOption,
    number
  >;
  for (const option of options.values()) plansByOption[option]++;
  const activeAnnualBudgetPence = await currentBudgetsTotal(db, [...options.keys()]);
  const byKind = await db
    .select({ kind: providers.kind, n: count() })
    .from(providers)
    .groupBy(providers.kind);
  return {
    peopleByStage,
    plansByOption,
    activeAnnualBudgetPence,
    providersByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
    people: everyone.length,
  };
}
