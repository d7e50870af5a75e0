import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, notFound } from "../../platform/http/problem";
import { councilName } from "../contracts/store";
import { providers } from "../providers/schema";
import { dueInMonth } from "./allocation";
import { bankDetailsOf } from "./bank-details-store";
import {
  allocationKey,
  contractsInForce,
  monthlyAllocation,
  oneOffAllocation,
  oneOffKey,
} from "./funds";
import { bacsFile, cannotApproveRun, cannotChangeRun, cannotPayRun, paymentCsv } from "./payments";
import { payment } from "./rules";
import {
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  paymentRunLines,
  paymentRuns,
} from "./schema";
import { recordTransaction } from "./store";

type PaymentRunLine = typeof paymentRunLines.$inferSelect;

/**
 * Drafts a run: every provider owed money, what it is owed, and every direct payment due for the
 * month; lines without bank details are held. The caller's transaction makes it all or nothing.
 */
export async function draftRun(tx: Db, period: string, by: string) {
  // One open run at a time: a unique index on open runs holds it, so a draft racing on another
  // connection waits for this one and then makes nothing.
  const [run] = await tx
    .insert(paymentRuns)
    .values({ period, createdBy: by })
    .onConflictDoNothing()
    .returning();
  if (!run) throw conflict(OPEN_RUN);
  const owed = await tx
    .select({
      account: ledgerAccounts.key,
      name: providers.name,
      pence: sql<string>`sum(${ledgerEntries.pence})`,
      throughEntry: sql<string>`max(${ledgerEntries.id})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.key, ledgerEntries.account))
    .innerJoin(providers, eq(providers.id, ledgerAccounts.providerId))
    .where(eq(ledgerAccounts.kind, "provider"))
    .groupBy(ledgerAccounts.key, providers.name)
    .having(sql`sum(${ledgerEntries.pence}) > 0`);
  const due = [
    ...owed.map((o) => ({
      account: o.account,
      payeeKind: "provider" as const,
      payeeName: o.name,
      pence: Number(o.pence),
      owedThroughEntry: Number(o.throughEntry),
    })),
    ...(await directPaymentsDue(tx, period)),
  ];
  // Each line pays into its payee's newest approved bank details; a change not yet approved by a
  // second officer is never used (read in the same statement as the approvals).
  const banks = await bankDetailsOf(
    tx,
    due.map((l) => l.account),
  );
  const lines = due.map((l) => {
    const bank = banks.get(l.account);
    const approved = bank?.approved ?? null;
    return {
      ...l,
      sortCode: approved?.sortCode ?? null,
      accountNumber: approved?.accountNumber ?? null,
      bankVersionId: approved?.id ?? null,
      heldReason: approved
        ? null
        : bank?.pending
          ? "New bank details wait for a second finance officer's approval"
          : l.payeeKind === "provider"
            ? "No bank details are held for this provider"
            : "No bank details are held for the person",
    };
  });
  if (!lines.length) return run.id;
  // Each provider's money owed is reserved by one line: money another run reserved is not drafted again.
  const made = await tx
    .insert(paymentRunLines)
    .values(lines.map((l) => ({ ...l, runId: run.id })))
    .onConflictDoNothing()
    .returning({ id: paymentRunLines.id });
  if (made.length !== lines.length)
    throw conflict(
      "Some of this money is already in another payment run: pay or finish that first.",
    );
  return run.id;
}

const OPEN_RUN = "Another payment run is open: approve and pay it, or finish it, first.";

/** Which of these ledger idempotency keys have been recorded: one query for them all. */
async function recordedKeys(tx: Db, keys: string[]) {
  if (!keys.length) return new Set<string>();
  const rows = await tx
    .select({ key: ledgerTransactions.idempotencyKey })
    .from(ledgerTransactions)
    .where(inArray(ledgerTransactions.idempotencyKey, keys));
  return new Set(rows.map((r) => r.key));
}

/**
 * What each direct payment in force has due for the month and not yet paid, to the person: its
 * monthly share as one line, and each one-off amount agreed for the month as a line of its own, so
 * the ledger and the person's statement keep it apart as money paid once.
 */
async function directPaymentsDue(tx: Db, period: string) {
  const direct = (await contractsInForce(tx)).filter((c) => c.option === "1");
  const candidates = direct.flatMap((c) => {
    const month = dueInMonth(c.terms, period);
    return [
      ...(month.recurringPence > 0
        ? [{ c, key: allocationKey(c.fund, period), pence: month.recurringPence }]
        : []),
      ...month.oneOffs.map((o) => ({
        c,
        key: oneOffKey(c.fund, o.lineId),
        pence: o.pence,
        oneOffLineId: o.lineId,
        oneOffDescription: o.description,
      })),
    ];
  });
  const done = await recordedKeys(
    tx,
    candidates.map((d) => d.key),
  );
  return candidates
    .filter((d) => !done.has(d.key))
    .map(({ c, key: _key, ...money }) => ({
      ...money,
      account: c.fund,
      payeeKind: "direct-payment" as const,
      payeeName: `${c.terms.person} (direct payment)`,
    }));
}

export async function runView(db: Db, runId: string) {
  const [run] = await db.select().from(paymentRuns).where(eq(paymentRuns.id, runId));
  if (!run) throw notFound("That payment run");
  const lines = await db
    .select()
    .from(paymentRunLines)
    .where(eq(paymentRunLines.runId, runId))
    .orderBy(asc(paymentRunLines.payeeName));
  const toPay = lines.filter((l) => !l.heldReason);
  return {
    ...run,
    lines,
    totalPence: toPay.reduce((s, l) => s + l.pence, 0),
    reference: `CAIRN ${run.period}`,
  };
}

async function lockedRun(tx: Db, runId: string) {
  const [run] = await tx.select().from(paymentRuns).where(eq(paymentRuns.id, runId)).for("update");
  if (!run) throw notFound("That payment run");
  return run;
}

export async function holdLine(tx: Db, lineId: string, reason: string) {
  const [line] = await tx.select().from(paymentRunLines).where(eq(paymentRunLines.id, lineId));
  if (!line) throw notFound("That line");
  const blocked = cannotChangeRun(await lockedRun(tx, line.runId));
  if (blocked) throw conflict(blocked);
  await tx
    .update(paymentRunLines)
    .set({ heldReason: reason })
    .where(eq(paymentRunLines.id, lineId));
  return line.runId;
}

export async function approveRun(tx: Db, runId: string, by: string) {
  const blocked = cannotApproveRun(await lockedRun(tx, runId), by);
  if (blocked) throw conflict(blocked);
  await tx
    .update(paymentRuns)
    .set({ status: "approved", approvedBy: by, approvedAt: new Date().toISOString() })
    .where(eq(paymentRuns.id, runId));
}

/** A direct payment line paid into the person's account: the month's share, or a one-off once. */
function directPayment(line: PaymentRunLine, period: string, runId: string, by: string) {
  if (!line.oneOffLineId)
    return monthlyAllocation(line.account, line.pence, period, by, {
      type: "payment-run",
      id: runId,
    });
  const oneOff = {
    lineId: line.oneOffLineId,
    description: line.oneOffDescription ?? "Paid once",
    pence: line.pence,
    month: period,
  };
  return oneOffAllocation(line.account, oneOff, period, by);
}

/**
 * Records the payment of every line not held. Each payment has its own idempotency key, so a
 * retry after a failure (or a second click) pays nobody twice; it only finishes what is left.
 */
export async function payRun(tx: Db, runId: string, by: string) {
  const run = await lockedRun(tx, runId);
  const blocked = cannotPayRun(run);
  if (blocked) throw conflict(blocked);
  const lines = await tx
    .select()
    .from(paymentRunLines)
    .where(
      and(
        eq(paymentRunLines.runId, runId),
        isNull(paymentRunLines.heldReason),
        isNull(paymentRunLines.transactionId),
      ),
    );
  let paid = 0;
  for (const line of lines) {
    // A direct payment is the month's money paid into the person's account; a provider is paid
    // what it is owed.
    const r = await recordTransaction(
      tx,
      line.payeeKind === "direct-payment"
        ? directPayment(line, run.period, runId, by)
        : {
            transaction: payment(line.account, line.pence),
            sourceType: "payment-run",
            sourceId: runId,
            // Keyed by the money the line reserved, so that money is paid once whatever run holds it.
            idempotencyKey: `payment:${line.account}:${line.owedThroughEntry ?? line.id}`,
            period: run.period,
            memo: `Payment run ${run.period}: ${line.payeeName}`,
            recordedBy: by,
          },
    );
    if (r.id) {
      await tx
        .update(paymentRunLines)
        .set({ transactionId: r.id })
        .where(eq(paymentRunLines.id, line.id));
      paid++;
    }
  }
  await tx.update(paymentRuns).set({ status: "paid" }).where(eq(paymentRuns.id, runId));
  return { paid, alreadyPaid: lines.length - paid };
}

/** The council's own bank account, as the payment file's originator (set by the council). */
const ORIGINATOR = () => ({
  sortCode: process.env.CAIRN_BANK_SORT_CODE ?? "000000",
  accountNumber: process.env.CAIRN_BANK_ACCOUNT ?? "00000000",
  name: councilName(),
});

/**
 * An approved run's payment file: CSV, or a BACS Standard 18 style fixed-width file (txt). A
 * draft run has none yet (a 409 problem).
 */
export async function paymentFile(db: Db, runId: string, format: "csv" | "txt") {
  const run = await runView(db, runId);
  if (run.status === "draft")
    throw conflict("The payment file is written once the run is approved.");
  const lines = run.lines.map((l) => ({ ...l, reference: run.reference }));
  return format === "csv"
    ? { runId: run.id, type: "text/csv; charset=utf-8", text: paymentCsv(lines) }
    : {
        runId: run.id,
        type: "text/plain; charset=us-ascii",
        text: bacsFile(lines, ORIGINATOR()),
      };
}
