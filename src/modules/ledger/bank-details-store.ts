import { and, asc, desc, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import { conflict, notFound } from "../../platform/http/problem";
import { contracts } from "../contracts/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { providers } from "../providers/schema";
import { cannotApproveBankDetails, maskAccountNumber, maskSortCode } from "./payments";
import { fundAccount, providerAccount } from "./rules";
import { bankDetailApprovals, bankDetailVersions, ledgerAccounts } from "./schema";

// Where payees are paid: append-only versions, each change proposed by one finance officer and
// approved by another before a payment run uses it (a run pays into the newest approved one).

export interface BankDetails {
  sortCode: string;
  accountNumber: string;
}

/** Whom bank details are for: a provider, or a person's direct payment (its contract's fund). */
export interface Payee {
  payee: string;
  payeeKind: "provider" | "direct-payment";
  providerId: string | null;
  contractId: string | null;
  /** The person a direct payment pays (their record is touched, and audited); null for a provider. */
  personId: string | null;
}

/** A provider as a payee (else 404). */
export async function providerPayee(db: Db, providerId: string): Promise<Payee> {
  const [row] = await db
    .select({ id: providers.id })
    .from(providers)
    .where(eq(providers.id, providerId));
  if (!row) throw notFound("That provider");
  return {
    payee: providerAccount(row.id),
    payeeKind: "provider",
    providerId: row.id,
    contractId: null,
    personId: null,
  };
}

/** A direct payment agreement's person as a payee (else 404). */
export async function directPaymentPayee(db: Db, contractId: string): Promise<Payee> {
  const [row] = await db
    .select({ id: contracts.id, personId: contracts.personId })
    .from(contracts)
    .where(and(eq(contracts.id, contractId), eq(contracts.kind, "direct-payment-agreement")));
  if (!row) throw notFound("A direct payment agreement with that id");
  return {
    payee: fundAccount(row.id),
    payeeKind: "direct-payment",
    providerId: null,
    contractId: row.id,
    personId: row.personId,
  };
}

/** Changes to one payee's details are made one at a time: its provider or contract row is locked. */
async function lockPayee(tx: Db, p: Payee) {
  if (p.providerId)
    await tx
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.id, p.providerId))
      .for("update");
  else if (p.contractId)
    await tx
      .select({ id: contracts.id })
      .from(contracts)
      .where(eq(contracts.id, p.contractId))
      .for("update");
}

/** Approved: approved by a second officer, or carried over as in use before versions were kept. */
const approved = or(
  eq(bankDetailVersions.carriedOver, true),
  isNotNull(bankDetailApprovals.versionId),
);

/**
 * The newest approved version of each payee's details, and whether a change waits for approval
 * (one query each, whatever the number of payees).
 */
export async function bankDetailsOf(db: Db, payees: string[]) {
  const result = new Map<
    string,
    { approved: (BankDetails & { id: string; seq: number }) | null; pending: boolean }
  >();
  if (!payees.length) return result;
  const rows = await db
    .select({
      id: bankDetailVersions.id,
      seq: bankDetailVersions.seq,
      payee: bankDetailVersions.payee,
      sortCode: bankDetailVersions.sortCode,
      accountNumber: bankDetailVersions.accountNumber,
      approved: sql<boolean>`${approved}`,
    })
    .from(bankDetailVersions)
    .leftJoin(bankDetailApprovals, eq(bankDetailApprovals.versionId, bankDetailVersions.id))
    .where(inArray(bankDetailVersions.payee, payees))
    .orderBy(asc(bankDetailVersions.seq));
  for (const r of rows) {
    const now = result.get(r.payee) ?? { approved: null, pending: false };
    result.set(
      r.payee,
      r.approved
        ? {
            approved: {
              id: r.id,
              seq: r.seq,
              sortCode: r.sortCode,
              accountNumber: r.accountNumber,
            },
            pending: false,
          }
        : { ...now, pending: true },
    );
  }
  return result;
}

/** Bank details as anyone but the payment file sees them: "**-**-60", "****1234". */
const masked = (b: BankDetails) => ({
  sortCode: maskSortCode(b.sortCode) as string,
  accountNumber: maskAccountNumber(b.accountNumber) as string,
});

/**
 * A finance officer proposes new bank details for a payee: kept as a new version, not used until
 * a second officer approves it. Returns what the audit names (masked): the new and the previous.
 */
export async function proposeBankDetails(tx: Db, p: Payee, b: BankDetails, by: string) {
  await lockPayee(tx, p);
  const before = (await bankDetailsOf(tx, [p.payee])).get(p.payee)?.approved;
  const [row] = await tx
    .insert(bankDetailVersions)
    .values({
      payee: p.payee,
      payeeKind: p.payeeKind,
      providerId: p.providerId,
      contractId: p.contractId,
      sortCode: b.sortCode.replaceAll("-", ""),
      accountNumber: b.accountNumber,
      proposedBy: by,
    })
    .returning({ id: bankDetailVersions.id });
  if (!row) throw new Error("The bank details were not kept");
  return {
    versionId: row.id,
    proposed: masked({ sortCode: b.sortCode.replaceAll("-", ""), accountNumber: b.accountNumber }),
    previous: before ? masked(before) : null,
  };
}

/** A version of bank details with its payee (the person, for a direct payment: audited). */
export async function findBankVersion(db: Db, versionId: string) {
  const [v] = await db
    .select({ version: bankDetailVersions, personId: contracts.personId })
    .from(bankDetailVersions)
    .leftJoin(contracts, eq(contracts.id, bankDetailVersions.contractId))
    .where(eq(bankDetailVersions.id, versionId));
  if (!v) throw notFound("Those bank details");
  return { ...v.version, personId: v.personId };
}
export type BankVersion = Awaited<ReturnType<typeof findBankVersion>>;

/**
 * A second finance officer approves a proposed version: only the payee's newest, only once, never
 * by its proposer (the database holds the last two as well). The payee is locked, so an approval
 * and a newer proposal racing are taken one after the other.
 */
export async function approveBankDetails(tx: Db, v: BankVersion, by: string) {
  const payee = {
    payee: v.payee,
    payeeKind: v.payeeKind,
    providerId: v.providerId,
    contractId: v.contractId,
    personId: v.personId,
  };
  await lockPayee(tx, payee);
  const [[newest], [done]] = await inTurn(
    () =>
      tx
        .select({ id: bankDetailVersions.id })
        .from(bankDetailVersions)
        .where(eq(bankDetailVersions.payee, v.payee))
        .orderBy(desc(bankDetailVersions.seq))
        .limit(1),
    () =>
      tx
        .select({ id: bankDetailApprovals.versionId })
        .from(bankDetailApprovals)
        .where(eq(bankDetailApprovals.versionId, v.id)),
  );
  const refused = cannotApproveBankDetails(
    { proposedBy: v.proposedBy, approved: v.carriedOver || !!done, newest: newest?.id === v.id },
    by,
  );
  if (refused) throw conflict(refused);
  const [row] = await tx
    .insert(bankDetailApprovals)
    .values({ versionId: v.id, proposedBy: v.proposedBy as string, approvedBy: by })
    .onConflictDoNothing()
    .returning({ id: bankDetailApprovals.versionId });
  if (!row) throw conflict("These bank details are already approved.");
  return masked(v);
}

const proposer = alias(users, "proposer");

/**
 * Every payee finance pays: providers with an account in the ledger or bank details, and each
 * direct payment agreement's person; with their details in use and any change waiting (masked).
 */
export async function payees(db: Db, me: string) {
  const [provs, directs] = await inTurn(
    () =>
      db
        .selectDistinct({ providerId: providers.id, name: providers.name })
        .from(providers)
        .leftJoin(ledgerAccounts, eq(ledgerAccounts.providerId, providers.id))
        .leftJoin(bankDetailVersions, eq(bankDetailVersions.providerId, providers.id))
        .where(or(eq(ledgerAccounts.kind, "provider"), isNotNull(bankDetailVersions.id)))
        .orderBy(asc(providers.name)),
    () =>
      db
        .select({
          contractId: contracts.id,
          personId: contracts.personId,
          name: sql<string>`${people.givenName} || ' ' || ${people.familyName}`,
        })
        .from(contracts)
        .innerJoin(people, eq(people.id, contracts.personId))
        .where(eq(contracts.kind, "direct-payment-agreement"))
        .orderBy(asc(people.familyName), asc(people.givenName)),
  );
  const list: (Payee & { name: string })[] = [
    ...provs.map((p) => ({
      payee: providerAccount(p.providerId),
      payeeKind: "provider" as const,
      providerId: p.providerId,
      contractId: null,
      personId: null,
      name: p.name,
    })),
    ...directs.map((d) => ({
      payee: fundAccount(d.contractId),
      payeeKind: "direct-payment" as const,
      providerId: null,
      contractId: d.contractId,
      personId: d.personId,
      name: `${d.name} (direct payment)`,
    })),
  ];
  const keys = list.map((p) => p.payee);
  const [inUse, waiting] = await inTurn(
    () => bankDetailsOf(db, keys),
    () =>
      keys.length
        ? db
            .select({
              id: bankDetailVersions.id,
              payee: bankDetailVersions.payee,
              seq: bankDetailVersions.seq,
              sortCode: bankDetailVersions.sortCode,
              accountNumber: bankDetailVersions.accountNumber,
              proposedBy: bankDetailVersions.proposedBy,
              proposedByName: proposer.displayName,
              proposedAt: bankDetailVersions.proposedAt,
            })
            .from(bankDetailVersions)
            .leftJoin(bankDetailApprovals, eq(bankDetailApprovals.versionId, bankDetailVersions.id))
            .leftJoin(proposer, eq(proposer.id, bankDetailVersions.proposedBy))
            .where(
              and(
                inArray(bankDetailVersions.payee, keys),
                eq(bankDetailVersions.carriedOver, false),
                sql`${bankDetailApprovals.versionId} is null`,
              ),
            )
            .orderBy(desc(bankDetailVersions.seq))
        : Promise.resolve([]),
  );
  return list.map((p) => {
    const used = inUse.get(p.payee)?.approved ?? null;
    // Only the newest proposal, and only if it is newer than the details in use, can be approved.
    const change = waiting.find((w) => w.payee === p.payee);
    const pending = change && (!used || change.seq > used.seq) ? change : null;
    return {
      ...p,
      inUse: used ? { versionId: used.id, ...masked(used) } : null,
      pending: pending
        ? {
            versionId: pending.id,
            ...masked(pending),
            proposedBy: pending.proposedByName ?? "",
            proposedAt: pending.proposedAt,
            mine: pending.proposedBy === me,
          }
        : null,
    };
  });
}
