import { and, asc, eq, inArray, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { contracts } from "../contracts/schema";
import { contractView } from "../contracts/store";
import type { ContractTerms } from "../contracts/terms";
import { people } from "../people/schema";
import { providers } from "../providers/schema";
import { dueInMonth } from "./allocation";
import { accountsForContract, allocationKey, oneOffKey } from "./funds";
import { type LineOutcome, type ReturnFacts, type ReturnLine, returnLimits } from "./returns";
import { charge, fundAccount, providerAccount, purchase } from "./rules";
import {
  type LINE_DECISIONS,
  ledgerTransactions,
  providerReturnLines,
  providerReturns,
  returnLineDecisions,
  returnLineMessages,
} from "./schema";
import { balanceOf, recordTransaction } from "./store";

export type ContractFound = NonNullable<Awaited<ReturnType<typeof contractView>>>;

/** A contract with its newest version (a 404 problem when there is none). */
export async function findContractView(db: Db, contractId: string): Promise<ContractFound> {
  const view = await contractView(db, contractId);
  if (!view) throw notFound("That contract");
  return view;
}

/**
 * A contract as a return concerns it: the person's, and the provider's party to it (a provider
 * stands only in its own contracts).
 */
export async function findReturnContract(db: Db, contractId: string) {
  const view = await findContractView(db, contractId);
  return { ...view, party: { providerId: view.providerId } };
}

/** Why no return can be made on the contract now, or null. */
export const cannotReturn = (c: { status: string }) =>
  c.status !== "active" ? "Returns are made on a contract in force." : null;

/** Why no direct payment return can be made on the contract now, or null. */
export const cannotReturnDirectPayment = (c: { kind: string; status: string }) =>
  c.kind !== "direct-payment-agreement" || c.status !== "active"
    ? "A direct payment return is made on a direct payment agreement in force."
    : null;

/** Where a refused line is named in the reply: the JSON body's field, or the CSV file's line. */
export type LinePath = (index: number, field: string) => string;
const bodyPath: LinePath = (index, field) => `lines.${index}.${field}`;

/**
 * What a return's limits are worked out from: the contract's plan and rate, the person's hours
 * already returned this month on other contracts (lines finance rejected aside), and what the
 * fund has for the month (its balance, and the month's budget still to be paid into it).
 */
async function returnFacts(
  tx: Db,
  c: { id: string; personId: string; terms: ContractTerms },
  fund: string,
  period: string,
): Promise<ReturnFacts> {
  const due = dueInMonth(c.terms, period);
  const keys = [
    ...(due.recurringPence > 0 ? [allocationKey(fund, period)] : []),
    ...due.oneOffs.map((o) => oneOffKey(fund, o.lineId)),
  ];
  const [[delivered], paidIn, balance] = await inTurn(
    () =>
      tx
        .select({ minutes: sql<string>`coalesce(sum(${providerReturnLines.deliveredMinutes}), 0)` })
        .from(providerReturnLines)
        .innerJoin(providerReturns, eq(providerReturns.id, providerReturnLines.returnId))
        .innerJoin(contracts, eq(contracts.id, providerReturns.contractId))
        .leftJoin(returnLineDecisions, eq(returnLineDecisions.lineId, providerReturnLines.id))
        .where(
          and(
            eq(contracts.personId, c.personId),
            eq(providerReturns.period, period),
            or(isNull(returnLineDecisions.decision), ne(returnLineDecisions.decision, "rejected")),
          ),
        ),
    () =>
      keys.length
        ? tx
            .select({ key: ledgerTransactions.idempotencyKey })
            .from(ledgerTransactions)
            .where(inArray(ledgerTransactions.idempotencyKey, keys))
        : Promise.resolve([]),
    () => balanceOf(tx, fund),
  );
  const paid = new Set(paidIn.map((r) => r.key));
  const toCome =
    (due.recurringPence > 0 && !paid.has(allocationKey(fund, period)) ? due.recurringPence : 0) +
    due.oneOffs
      .filter((o) => !paid.has(oneOffKey(fund, o.lineId)))
      .reduce((sum, o) => sum + o.pence, 0);
  return {
    period,
    plannedMinutesPerWeek: c.terms.minutesPerWeek,
    hourlyRatePence: c.terms.hourlyRatePence ?? 0,
    personMinutesBefore: Number(delivered?.minutes ?? 0),
    fundAvailablePence: balance + toCome,
    lineCapPence: due.totalPence,
  };
}

/** A held line's money: a charge to the provider for hours, a purchase from the fund. */
const lineMoney = (
  line: { kind: "support" | "purchase"; pence: number; description: string },
  fund: string,
  providerId: string | null,
  returnId: string,
  lineNumber: number,
  period: string,
  by: string,
) => ({
  transaction:
    line.kind === "support"
      ? charge(fund, providerAccount(providerId as string), line.pence)
      : purchase(fund, line.pence),
  sourceType: "provider-return",
  sourceId: returnId,
  idempotencyKey: `return:${returnId}:${lineNumber}`,
  period,
  memo: line.description,
  recordedBy: by,
});

/**
 * Records a month's return (a provider's, or a direct payment recipient's) and its money in one
 * go: delivered hours charged to the fund at the contract's rate, purchases paid from it. One
 * return a contract a month; corrections reverse. Every path runs the same limits
 * (`returnLimits`): impossible lines are refused (a 400 naming each), unusual ones are kept but
 * held, their money not recorded (so no payment run pays it) until finance agrees. The person's
 * row is locked, so returns from two providers for one person are checked one after the other.
 */
export async function submitReturn(
  tx: Db,
  c: { id: string; personId: string; providerId: string | null; terms: ContractTerms },
  period: string,
  lines: ReturnLine[],
  by: string,
  pathOf: LinePath = bodyPath,
) {
  const accounts = await accountsForContract(tx, c.id);
  if (!accounts) throw conflict("There is no such contract.");
  const providerId = c.providerId;
  // A direct payment return lists what was bought; hours are charged only to a provider.
  if (!providerId && lines.some((l) => l.kind === "support"))
    throw conflict(
      "Hours delivered are returned by a provider; a direct payment return lists what was spent.",
    );
  await tx.select({ id: people.id }).from(people).where(eq(people.id, c.personId)).for("update");
  const limits = returnLimits(lines, await returnFacts(tx, c, accounts.fund, period));
  if (limits.refused.length)
    throw invalid(
      limits.refused.map((r) => ({ path: pathOf(r.index, r.field), message: r.message })),
    );
  const [ret] = await tx
    .insert(providerReturns)
    .values({ contractId: c.id, period, submittedBy: by })
    .onConflictDoNothing()
    .returning({ id: providerReturns.id });
  if (!ret)
    throw conflict(
      `The return for ${period} is already in: a correction is a reversal, not a new return.`,
    );
  let held = 0;
  for (const [i, line] of lines.entries()) {
    const { pence, heldReason } = limits.outcomes[i] as LineOutcome;
    const money = heldReason
      ? null
      : await recordTransaction(
          tx,
          lineMoney({ ...line, pence }, accounts.fund, providerId, ret.id, i + 1, period, by),
        );
    if (heldReason) held++;
    await tx.insert(providerReturnLines).values({
      returnId: ret.id,
      lineNumber: i + 1,
      kind: line.kind,
      description: line.description,
      plannedMinutes: line.kind === "support" ? line.plannedMinutes : 0,
      deliveredMinutes: line.kind === "support" ? line.deliveredMinutes : 0,
      plannedVisits: line.kind === "support" ? line.plannedVisits : 0,
      deliveredVisits: line.kind === "support" ? line.deliveredVisits : 0,
      pence,
      transactionId: money?.id ?? null,
      heldReason,
    });
  }
  return { returnId: ret.id, lines: lines.length, held };
}

export async function returnsOf(db: Db, contractId: string) {
  const returns = await db
    .select()
    .from(providerReturns)
    .where(eq(providerReturns.contractId, contractId))
    .orderBy(asc(providerReturns.period));
  const ids = returns.map((r) => r.id);
  const lines = ids.length
    ? await db
        .select()
        .from(providerReturnLines)
        .where(inArray(providerReturnLines.returnId, ids))
        .orderBy(asc(providerReturnLines.lineNumber))
    : [];
  const messages = lines.length
    ? await db
        .select()
        .from(returnLineMessages)
        .where(
          inArray(
            returnLineMessages.lineId,
            lines.map((l) => l.id),
          ),
        )
        .orderBy(asc(returnLineMessages.sentAt))
    : [];
  const decisions = lines.length
    ? await db
        .select()
        .from(returnLineDecisions)
        .where(
          inArray(
            returnLineDecisions.lineId,
            lines.map((l) => l.id),
          ),
        )
    : [];
  return returns.map((r) => ({
    ...r,
    lines: lines
      .filter((l) => l.returnId === r.id)
      .map((l) => {
        const decided = decisions.find((d) => d.lineId === l.id);
        return {
          ...l,
          // An agreed line's money was recorded when finance agreed it.
          transactionId: l.transactionId ?? decided?.transactionId ?? null,
          decision: decided ? { decision: decided.decision, note: decided.note } : null,
          messages: messages.filter((m) => m.lineId === l.id),
        };
      }),
  }));
}

/** A line of a return, with the contract it is on: the person's, the provider's party to it. */
export async function findReturnLine(db: Db, lineId: string) {
  const [line] = await db
    .select({
      id: providerReturnLines.id,
      contractId: providerReturns.contractId,
      personId: contracts.personId,
      providerId: contracts.providerId,
    })
    .from(providerReturnLines)
    .innerJoin(providerReturns, eq(providerReturns.id, providerReturnLines.returnId))
    .innerJoin(contracts, eq(contracts.id, providerReturns.contractId))
    .where(eq(providerReturnLines.id, lineId));
  if (!line) throw notFound("That line");
  return { ...line, party: { providerId: line.providerId } };
}

/** A query on a line of a return, or an answer to one: the conversation is kept. */
export async function sendLineMessage(tx: Db, lineId: string, message: string, by: string) {
  const [row] = await tx
    .insert(returnLineMessages)
    .values({ lineId, message, sentBy: by })
    .returning({ id: returnLineMessages.id });
  if (!row) throw new Error("The message was not kept");
  return row.id;
}

/**
 * Lines held to be asked about and not yet decided, oldest first: finance's, whoever the person
 * (finance stands to nobody in particular, so a relationship scope would list no one).
 */
export async function heldLines(db: Db) {
  return db
    .select({
      id: providerReturnLines.id,
      contractId: providerReturns.contractId,
      period: providerReturns.period,
      lineNumber: providerReturnLines.lineNumber,
      kind: providerReturnLines.kind,
      description: providerReturnLines.description,
      deliveredMinutes: providerReturnLines.deliveredMinutes,
      pence: providerReturnLines.pence,
      heldReason: sql<string>`${providerReturnLines.heldReason}`,
      personId: contracts.personId,
      person: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
      provider: providers.name,
      submittedAt: providerReturns.submittedAt,
    })
    .from(providerReturnLines)
    .innerJoin(providerReturns, eq(providerReturns.id, providerReturnLines.returnId))
    .innerJoin(contracts, eq(contracts.id, providerReturns.contractId))
    .innerJoin(people, eq(people.id, contracts.personId))
    .leftJoin(providers, eq(providers.id, contracts.providerId))
    .leftJoin(returnLineDecisions, eq(returnLineDecisions.lineId, providerReturnLines.id))
    .where(and(isNotNull(providerReturnLines.heldReason), isNull(returnLineDecisions.lineId)))
    .orderBy(asc(providerReturns.submittedAt), asc(providerReturnLines.lineNumber));
}

/** A line of a return as finance decides it: the person's, with what decides its money. */
export async function findLineToDecide(db: Db, lineId: string) {
  const [line] = await db
    .select({
      line: providerReturnLines,
      period: providerReturns.period,
      contractId: providerReturns.contractId,
      personId: contracts.personId,
      providerId: contracts.providerId,
    })
    .from(providerReturnLines)
    .innerJoin(providerReturns, eq(providerReturns.id, providerReturnLines.returnId))
    .innerJoin(contracts, eq(contracts.id, providerReturns.contractId))
    .where(eq(providerReturnLines.id, lineId));
  if (!line) throw notFound("That line");
  return { ...line, id: line.line.id };
}
export type LineToDecide = Awaited<ReturnType<typeof findLineToDecide>>;

/** Whether the line has been decided (read inside the transaction, after the person's lock). */
export async function decisionOn(tx: Db, lineId: string) {
  const [row] = await tx
    .select({ decision: returnLineDecisions.decision })
    .from(returnLineDecisions)
    .where(eq(returnLineDecisions.lineId, lineId));
  return row?.decision ?? null;
}

/**
 * Finance's decision on a held line, once: agreed, its money is recorded now (so the next run
 * pays it); rejected, nothing is paid. The line itself is kept as it was returned.
 */
export async function decideLine(
  tx: Db,
  found: LineToDecide,
  decision: (typeof LINE_DECISIONS)[number],
  note: string,
  by: string,
) {
  const { line } = found;
  const money =
    decision === "agreed"
      ? await recordTransaction(
          tx,
          lineMoney(
            line,
            fundAccount(found.contractId),
            found.providerId,
            line.returnId,
            line.lineNumber,
            found.period,
            by,
          ),
        )
      : null;
  const [row] = await tx
    .insert(returnLineDecisions)
    .values({ lineId: line.id, decision, note, transactionId: money?.id ?? null, decidedBy: by })
    .onConflictDoNothing()
    .returning({ lineId: returnLineDecisions.lineId });
  if (!row) throw conflict("This line has already been decided.");
  return { lineId: line.id, decision, transactionId: money?.id ?? null };
}
