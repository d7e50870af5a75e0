import type { Db } from "../../platform/db/client";
import { currentBudgets } from "../budgets/store";
import { agreementsInForce } from "../contracts/in-force";
import { OPTION_OF_KIND } from "../contracts/terms";
import type { LineOption, PlanOption } from "../plans/costing";
import { optionOfPerson } from "./option-of-person";

/** Each person with an agreement in force, and the one SDS option that makes them. */
export async function optionOfEachPerson(db: Db): Promise<Map<string, PlanOption>> {
  const options = new Map<string, LineOption[]>();
  for (const a of await agreementsInForce(db)) {
    options.set(a.personId, [...(options.get(a.personId) ?? []), OPTION_OF_KIND[a.kind]]);
  }
  const result = new Map<string, PlanOption>();
  for (const [personId, inForce] of options) {
    const option = optionOfPerson(inForce);
    if (option) result.set(personId, option);
  }
  return result;
}

/** The sum of these people's current budgets (each person's newest entry in force, once). */
export async function currentBudgetsTotal(db: Db, personIds: string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const rows = await currentBudgets(db, personIds);
  return rows.reduce((sum, r) => sum + r.pence, 0);
}
