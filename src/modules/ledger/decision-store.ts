import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { contractView } from "../contracts/store";
import { RECLAIM_CLAUSE, reclaimProblem } from "./reclaim";
import type { ContractFound } from "./return-store";
import { contribution, contributionAccount, fundAccount, reclaim, reversal } from "./rules";
import { ledgerAccounts } from "./schema";
import { balanceOf, ensureAccounts, recordTransaction, transactionWithEntries } from "./store";

// Money moved by a finance officer's recorded decision: a contribution, a reclaim, a reversal.

/** The contract a contribution goes to, if there is one (none: it is not in force either). */
export async function contributionContract(db: Db, contractId: string) {
  const contract = await contractView(db, contractId);
  return { personId: contract?.personId ?? null, contract };
}

/** Why no contribution can be recorded into the contract's fund now, or null. */
export const cannotContribute = (contract: { status: string } | null) =>
  contract?.status !== "active" ? "Contributions go into a fund whose contract is in force." : null;

/** The person's assessed contribution for a month, into the contract's fund; once a month. */
export async function recordContribution(
  tx: Db,
  contract: { id: string; personId: string },
  period: string,
  pence: number,
  by: string,
) {
  await ensureAccounts(tx, [
    {
      key: contributionAccount(contract.personId),
      kind: "contribution",
      label: "The person's contributions",
      personId: contract.personId,
    },
  ]);
  const r = await recordTransaction(tx, {
    transaction: contribution(contract.personId, fundAccount(contract.id), pence),
    sourceType: "decision",
    sourceId: contract.id,
    idempotencyKey: `contribution:${contract.id}:${period}`,
    period,
    memo: "Your contribution",
    recordedBy: by,
  });
  if (!r.recorded) throw conflict(`The contribution for ${period} is already recorded.`);
  return r;
}

/**
 * Reclaims unspent money above the agreed contingency from a direct payment's fund, by a
 * decision recorded with its reason; once a month.
 */
export async function reclaimFromFund(
  tx: Db,
  contract: Pick<ContractFound, "id" | "kind" | "terms">,
  decision: { period: string; amount: number; reason: string },
  by: string,
) {
  const fund = fundAccount(contract.id);
  // The fund is locked first, so two reclaims at once cannot both take the same money.
  await tx.select().from(ledgerAccounts).where(eq(ledgerAccounts.key, fund)).for("update");
  const problem = reclaimProblem(
    {
      kind: contract.kind,
      balancePence: await balanceOf(tx, fund),
      annualPence: contract.terms.annualPence,
    },
    decision.amount,
  );
  if (problem?.path) throw invalid([{ path: problem.path, message: problem.message }]);
  if (problem) throw conflict(problem.message);
  const r = await recordTransaction(tx, {
    transaction: reclaim(fund, decision.amount),
    sourceType: "decision",
    sourceId: contract.id,
    idempotencyKey: `reclaim:${fund}:${decision.period}`,
    period: decision.period,
    memo: `Reclaimed under ${RECLAIM_CLAUSE}: ${decision.reason}`,
    recordedBy: by,
  });
  if (!r.recorded)
    throw conflict(`Money has already been reclaimed from this fund for ${decision.period}.`);
  return r;
}

export type LedgerTransaction = NonNullable<Awaited<ReturnType<typeof transactionWithEntries>>>;

/** A transaction with its postings (a 404 problem when there is none). */
export async function findTransaction(db: Db, id: string): Promise<LedgerTransaction> {
  const t = await transactionWithEntries(db, id);
  if (!t) throw notFound("That transaction");
  return t;
}

/** Why the transaction cannot be reversed, or null. */
export const cannotReverse = (t: { kind: string }) =>
  t.kind === "reversal" ? "A reversal is not itself reversed: record the right transaction." : null;

/** Corrects a transaction by reversing it (never an edit); once only. */
export async function reverseTransaction(
  tx: Db,
  original: LedgerTransaction,
  reason: string,
  by: string,
) {
  const r = await recordTransaction(tx, {
    transaction: reversal({ kind: original.kind, postings: original.postings }),
    sourceType: "decision",
    sourceId: original.id,
    idempotencyKey: `reversal:${original.id}`,
    reversesId: original.id,
    period: original.period,
    memo: `Correction: ${reason}`,
    recordedBy: by,
  });
  if (!r.recorded) throw conflict("This transaction has already been reversed.");
  return r;
}
