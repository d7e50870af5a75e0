import type { Db } from "../../platform/db/client";
import { latestDecision } from "../eligibility/store";
import { journeyFactsOf } from "../people/store";
import { approvalNeeded, cannotSetBudget } from "./rules";
import type { budgetEntries, budgetStreams } from "./schema";
import { appendBudgetEntry, currentAuthority, latestRasAmount } from "./store";

/** Why the person's budget cannot be set now (under their lock), or null. */
export async function cannotSetBudgetNow(tx: Db, personId: string): Promise<string | null> {
  const blocked = cannotSetBudget(await journeyFactsOf(tx, personId));
  if (blocked) return blocked;
  if (!(await latestDecision(tx, personId)))
    return "Set a budget only after the person is found eligible.";
  return null;
}

export type NewBudgetEntry = Omit<
  typeof budgetEntries.$inferInsert,
  "eligibilityDecisionId" | "setBy" | "approvalNeeded"
> & {
  streams?: Omit<typeof budgetStreams.$inferInsert, "budgetEntryId">[];
};

/**
 * Appends a budget entry, with whether it needs a team manager's approval (beyond the
 * worker's authority). The caller holds the person's lock and has checked cannotSetBudgetNow.
 */
export async function addBudgetEntry(
  tx: Db,
  { streams = [], ...entry }: NewBudgetEntry,
  setBy: string,
): Promise<{ id: string; approvalNeeded: string | null }> {
  const decision = await latestDecision(tx, entry.personId);
  if (!decision) throw new Error("the eligibility decision was checked under the lock");
  const rasPence = entry.rasVersionId
    ? entry.annualAmountPence
    : await latestRasAmount(tx, entry.personId);
  const needed = approvalNeeded(entry.annualAmountPence, rasPence, await currentAuthority(tx));
  const id = await appendBudgetEntry(
    tx,
    { ...entry, approvalNeeded: needed, eligibilityDecisionId: decision.id, setBy },
    streams,
  );
  return { id, approvalNeeded: needed };
}
