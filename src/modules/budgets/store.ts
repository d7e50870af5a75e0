import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { people } from "../people/schema";
import type { CurrentBudget } from "./impact";
import { weeklyFromAnnual } from "./money";
import { type Authority, DEFAULT_AUTHORITY } from "./rules";
import {
  budgetApprovals,
  budgetAuthority,
  budgetEntries,
  budgetStreams,
  rasVersions,
} from "./schema";

/** An entry takes effect when it needs no approval, or a team manager approved it. */
export const inForce = or(
  isNull(budgetEntries.approvalNeeded),
  eq(budgetApprovals.decision, "approved"),
) as SQL;
/** An entry waiting for a team manager. */
export const awaitingApproval = and(
  isNotNull(budgetEntries.approvalNeeded),
  isNull(budgetApprovals.id),
) as SQL;

async function newestEntry(db: Db, personId: string, condition: SQL) {
  const [row] = await db
    .select({
      id: budgetEntries.id,
      annualAmountPence: budgetEntries.annualAmountPence,
      reason: budgetEntries.reason,
      lines: budgetEntries.lines,
      approvalNeeded: budgetEntries.approvalNeeded,
      rasVersion: rasVersions.version,
      setAt: budgetEntries.setAt,
      byId: users.id,
      byName: users.displayName,
    })
    .from(budgetEntries)
    .innerJoin(users, eq(users.id, budgetEntries.setBy))
    .leftJoin(rasVersions, eq(rasVersions.id, budgetEntries.rasVersionId))
    .leftJoin(budgetApprovals, eq(budgetApprovals.budgetEntryId, budgetEntries.id))
    .where(and(eq(budgetEntries.personId, personId), condition))
    .orderBy(desc(budgetEntries.setAt))
    .limit(1);
  if (!row) return null;
  const { byId, byName, ...budget } = row;
  const streams = await db
    .select({
      stream: budgetStreams.stream,
      annualAmountPence: budgetStreams.annualAmountPence,
      reporting: budgetStreams.reporting,
    })
    .from(budgetStreams)
    .where(eq(budgetStreams.budgetEntryId, row.id));
  return {
    ...budget,
    weeklyAmountPence: weeklyFromAnnual(budget.annualAmountPence),
    setBy: { id: byId, displayName: byName },
    streams: streams.map((s) => ({
      ...s,
      weeklyAmountPence: weeklyFromAnnual(s.annualAmountPence),
    })),
  };
}

/** The person's budget now: the newest entry in force of the append-only ledger. */
export const currentBudget = (db: Db, personId: string) => newestEntry(db, personId, inForce);

/** A newer amount waiting for a team manager's approval, if any. */
export const pendingBudget = (db: Db, personId: string) =>
  newestEntry(db, personId, awaitingApproval);

/** The amount the RAS last gave this person, to judge how far an adjustment goes. */
export async function latestRasAmount(db: Db, personId: string): Promise<number | null> {
  const [row] = await db
    .select({ pence: budgetEntries.annualAmountPence })
    .from(budgetEntries)
    .where(and(eq(budgetEntries.personId, personId), isNotNull(budgetEntries.rasVersionId)))
    .orderBy(desc(budgetEntries.setAt))
    .limit(1);
  return row?.pence ?? null;
}

/** The limits of a social worker's authority in force. */
export async function currentAuthority(db: Db): Promise<Authority> {
  const [row] = await db
    .select()
    .from(budgetAuthority)
    .orderBy(desc(budgetAuthority.setAt))
    .limit(1);
  return row ?? DEFAULT_AUTHORITY;
}

/** Each person's budget in force (their newest entry in force), for everyone or these people. */
export function currentBudgets(db: Db, personIds?: string[]) {
  return db
    .selectDistinctOn([budgetEntries.personId], {
      personId: budgetEntries.personId,
      pence: budgetEntries.annualAmountPence,
      locality: localities.name,
    })
    .from(budgetEntries)
    .leftJoin(budgetApprovals, eq(budgetApprovals.budgetEntryId, budgetEntries.id))
    .innerJoin(people, eq(people.id, budgetEntries.personId))
    .innerJoin(localities, eq(localities.id, people.localityId))
    .where(personIds ? and(inForce, inArray(budgetEntries.personId, personIds)) : inForce)
    .orderBy(budgetEntries.personId, desc(budgetEntries.setAt));
}

/** Every person's budget in force, with the RAS answers it last came from (for simulations). */
export async function currentBudgetsWithRasInput(db: Db): Promise<CurrentBudget[]> {
  const amounts = await currentBudgets(db);
  const inputs = await db
    .selectDistinctOn([budgetEntries.personId], {
      personId: budgetEntries.personId,
      input: budgetEntries.rasInput,
    })
    .from(budgetEntries)
    .where(isNotNull(budgetEntries.rasInput))
    .orderBy(budgetEntries.personId, desc(budgetEntries.setAt));
  const inputOf = new Map(inputs.map((i) => [i.personId, i.input]));
  return amounts.flatMap((a) => {
    const input = inputOf.get(a.personId);
    return input
      ? [{ personId: a.personId, locality: a.locality, input, currentPence: a.pence }]
      : [];
  });
}

/**
 * Appends an entry to the person's budget history with its funding streams (the whole is social
 * care unless a make-up is given). The caller holds the person's lock and has checked the rules.
 */
export async function appendBudgetEntry(
  tx: Db,
  entry: typeof budgetEntries.$inferInsert,
  streams: Omit<typeof budgetStreams.$inferInsert, "budgetEntryId">[] = [],
) {
  const [row] = await tx.insert(budgetEntries).values(entry).returning({ id: budgetEntries.id });
  const id = (row as { id: string }).id;
  const parts = streams.length
    ? streams
    : [{ stream: "social-care" as const, annualAmountPence: entry.annualAmountPence }];
  await tx.insert(budgetStreams).values(parts.map((p) => ({ ...p, budgetEntryId: id })));
  return id;
}
