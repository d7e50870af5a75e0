import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { weeklyFromAnnual } from "./money";
import { budgetEntries, rasVersions } from "./schema";

/** The person's budget now: the newest entry of the append-only ledger. */
export async function currentBudget(db: Db, personId: string) {
  const [row] = await db
    .select({
      id: budgetEntries.id,
      annualAmountPence: budgetEntries.annualAmountPence,
      reason: budgetEntries.reason,
      lines: budgetEntries.lines,
      rasVersion: rasVersions.version,
      setAt: budgetEntries.setAt,
      byId: users.id,
      byName: users.displayName,
    })
    .from(budgetEntries)
    .innerJoin(users, eq(users.id, budgetEntries.setBy))
    .leftJoin(rasVersions, eq(rasVersions.id, budgetEntries.rasVersionId))
    .where(eq(budgetEntries.personId, personId))
    .orderBy(desc(budgetEntries.setAt))
    .limit(1);
  if (!row) return null;
  const { byId, byName, ...budget } = row;
  return {
    ...budget,
    weeklyAmountPence: weeklyFromAnnual(budget.annualAmountPence),
    setBy: { id: byId, displayName: byName },
  };
}
