import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, notFound } from "../../platform/http/problem";
import { contracts } from "../contracts/schema";
import { contractView } from "../contracts/store";
import type { ContractTerms } from "../contracts/terms";
import { accountsForContract } from "./funds";
import type { ReturnLine } from "./returns";
import { charge, chargeFor, providerAccount, purchase } from "./rules";
import { providerReturnLines, providerReturns, returnLineMessages } from "./schema";
import { recordTransaction } from "./store";

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

/**
 * Records a month's return (a provider's, or a direct payment recipient's) and its money in one go: delivered hours charged to the fund at the
 * contract's rate, purchases paid from it. One return a contract a month; corrections reverse.
 */
export async function submitReturn(
  tx: Db,
  c: { id: string; providerId: string | null; terms: ContractTerms },
  period: string,
  lines: ReturnLine[],
  by: string,
) {
  const accounts = await accountsForContract(tx, c.id);
  if (!accounts) throw conflict("There is no such contract.");
  const providerId = c.providerId;
  // A direct payment return lists what was bought; hours are charged only to a provider.
  if (!providerId && lines.some((l) => l.kind === "support"))
    throw conflict(
      "Hours delivered are returned by a provider; a direct payment return lists what was spent.",
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
  const rate = c.terms.hourlyRatePence ?? 0;
  for (const [i, line] of lines.entries()) {
    const pence = line.kind === "support" ? chargeFor(line.deliveredMinutes, rate) : line.amount;
    const money = await recordTransaction(tx, {
      transaction:
        line.kind === "support"
          ? charge(accounts.fund, providerAccount(providerId as string), pence)
          : purchase(accounts.fund, pence),
      sourceType: "provider-return",
      sourceId: ret.id,
      idempotencyKey: `return:${ret.id}:${i + 1}`,
      period,
      memo: line.description,
      recordedBy: by,
    });
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
      transactionId: money.id,
    });
  }
  return { returnId: ret.id, lines: lines.length };
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
  return returns.map((r) => ({
    ...r,
    lines: lines
      .filter((l) => l.returnId === r.id)
      .map((l) => ({ ...l, messages: messages.filter((m) => m.lineId === l.id) })),
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
