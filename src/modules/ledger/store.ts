import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { invalid } from "../../platform/http/problem";
import { type Transaction, transactionProblem } from "./rules";
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from "./schema";

export type AccountRow = typeof ledgerAccounts.$inferInsert;

export async function ensureAccounts(tx: Db, accounts: AccountRow[]) {
  if (accounts.length) await tx.insert(ledgerAccounts).values(accounts).onConflictDoNothing();
}

export interface Recording {
  transaction: Transaction;
  sourceType: string;
  sourceId: string;
  idempotencyKey: string;
  period: string | null;
  memo: string;
  recordedBy: string;
  reversesId?: string;
}

/**
 * Records a transaction once: a second call with the same idempotency key records nothing and
 * says so. The database also refuses, at commit, any transaction whose entries do not balance.
 */
export async function recordTransaction(tx: Db, r: Recording) {
  const problem = transactionProblem(r.transaction);
  if (problem) throw invalid([{ path: "transaction", message: problem }]);
  const [row] = await tx
    .insert(ledgerTransactions)
    .values({
      kind: r.transaction.kind,
      sourceType: r.sourceType,
      sourceId: r.sourceId,
      idempotencyKey: r.idempotencyKey,
      reversesId: r.reversesId,
      period: r.period,
      memo: r.memo,
      recordedBy: r.recordedBy,
    })
    .onConflictDoNothing({ target: ledgerTransactions.idempotencyKey })
    .returning({ id: ledgerTransactions.id });
  if (!row) return { id: null, recorded: false as const };
  await tx.insert(ledgerEntries).values(
    r.transaction.postings.map((p) => ({
      transactionId: row.id,
      account: p.account,
      pence: p.pence,
    })),
  );
  return { id: row.id, recorded: true as const };
}

/** An account's balance: the sum of its entries (before a period, if given). */
export async function balanceOf(db: Db, account: string, beforePeriod?: string) {
  const sum = { pence: sql<string>`coalesce(sum(${ledgerEntries.pence}), 0)` };
  const [row] = beforePeriod
    ? await db
        .select(sum)
        .from(ledgerEntries)
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(and(eq(ledgerEntries.account, account), lt(ledgerTransactions.period, beforePeriod)))
    : await db.select(sum).from(ledgerEntries).where(eq(ledgerEntries.account, account));
  return Number(row?.pence ?? 0);
}

/** A fund's movements in one period, each with the transaction it came from. */
export function movements(db: Db, account: string, period: string) {
  return db
    .select({
      transactionId: ledgerTransactions.id,
      kind: ledgerTransactions.kind,
      memo: ledgerTransactions.memo,
      sourceType: ledgerTransactions.sourceType,
      pence: ledgerEntries.pence,
      recordedAt: ledgerTransactions.recordedAt,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerEntries.account, account), eq(ledgerTransactions.period, period)))
    .orderBy(asc(ledgerTransactions.recordedAt), asc(ledgerEntries.id));
}

export function fundsOf(db: Db, personId: string) {
  return db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.personId, personId), eq(ledgerAccounts.kind, "fund")))
    .orderBy(asc(ledgerAccounts.createdAt));
}

export async function transactionWithEntries(db: Db, id: string) {
  const [t] = await db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id));
  if (!t) return null;
  const entries = await db
    .select({ account: ledgerEntries.account, pence: ledgerEntries.pence })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.transactionId, [id]));
  return { ...t, postings: entries };
}
