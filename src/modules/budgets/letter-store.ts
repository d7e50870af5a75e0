import type { Db } from "../../platform/db/client";
import { personName } from "../people/store";
import { budgetLetter } from "./letter";
import { currentBudget } from "./store";

/** The budget letter to the person, as the PDF route and the subject access export make it. */
export async function budgetLetterOf(db: Db, personId: string) {
  const budget = await currentBudget(db, personId);
  if (!budget) return null;
  return {
    resourceId: budget.id,
    document: budgetLetter({ ...budget, person: await personName(db, personId) }),
  };
}
