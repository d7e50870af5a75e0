import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { notFound } from "../../platform/http/problem";
import { secondPersonWaiting, whoMaySignOff } from "../assessment/rules";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { teamManagersOf } from "../people/store";
import { cannotDecideBudget } from "./rules";
import { budgetApprovals, budgetAuthority, budgetEntries } from "./schema";
import { awaitingApproval } from "./store";

/** Amounts waiting for a manager's approval, for the people in `personIds` (a subquery). */
export function budgetsAwaitingApproval(db: Db, personIds: SQL) {
  return db
    .select({
      id: budgetEntries.id,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      annualAmountPence: budgetEntries.annualAmountPence,
      reason: budgetEntries.reason,
      approvalNeeded: budgetEntries.approvalNeeded,
      setAt: budgetEntries.setAt,
      setBy: users.displayName,
    })
    .from(budgetEntries)
    .innerJoin(people, eq(people.id, budgetEntries.personId))
    .innerJoin(users, eq(users.id, budgetEntries.setBy))
    .leftJoin(budgetApprovals, eq(budgetApprovals.budgetEntryId, budgetEntries.id))
    .where(and(awaitingApproval, inArray(people.id, personIds)))
    .orderBy(asc(budgetEntries.setAt));
}

export type BudgetEntry = typeof budgetEntries.$inferSelect;

export async function findBudgetEntry(db: Db, id: string): Promise<BudgetEntry> {
  const [entry] = await db.select().from(budgetEntries).where(eq(budgetEntries.id, id));
  if (!entry) throw notFound("That budget");
  return entry;
}

/**
 * Why this actor may not decide the amount now, or null: decided already, or their own
 * proposal (then who may approve it instead, or how to unblock it).
 */
export async function cannotDecide(tx: Db, entry: BudgetEntry, actorId: string) {
  const decided = await tx
    .select({ id: budgetApprovals.id })
    .from(budgetApprovals)
    .where(eq(budgetApprovals.budgetEntryId, entry.id));
  const blocked = cannotDecideBudget({ ...entry, decided: decided.length > 0 }, actorId);
  if (blocked && entry.setBy === actorId && entry.approvalNeeded && !decided.length)
    return `${blocked} ${await whoMayApprove(tx, entry)}`;
  return blocked;
}

/** Who may approve the proposer's amount (never the proposer), or how to unblock it. */
async function whoMayApprove(db: Db, entry: BudgetEntry) {
  const [author] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, entry.setBy));
  const mayAct = whoMaySignOff({
    authorId: entry.setBy,
    editorIds: [],
    teamManagers: await teamManagersOf(db, entry.personId),
    named: null,
  });
  return secondPersonWaiting(author ?? { id: entry.setBy, displayName: "the proposer" }, mayAct, {
    act: "approval",
    unblock: "The allocated worker can propose the amount again for a manager to approve.",
  });
}

export async function decideBudget(
  tx: Db,
  entry: BudgetEntry,
  decision: { decision: "approved" | "rejected"; note: string },
  decidedBy: string,
) {
  await tx.insert(budgetApprovals).values({ budgetEntryId: entry.id, ...decision, decidedBy });
}

/** A new limit on a social worker's budget authority; earlier ones are kept. */
export async function setAuthority(
  tx: Db,
  limits: { maxAnnualPence: number; maxAdjustmentBasisPoints: number },
  setBy: string,
) {
  const [created] = await tx
    .insert(budgetAuthority)
    .values({ ...limits, setBy })
    .returning();
  if (!created) throw new Error("The authority was not recorded");
  return created;
}
