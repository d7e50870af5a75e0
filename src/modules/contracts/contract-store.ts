import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict, notFound } from "../../platform/http/problem";
import { representatives } from "../people/schema";
import { providers } from "../providers/schema";
import { contractQuestions, contracts, rateRequests } from "./schema";
import { recordSignature } from "./signature-store";
import { cannotSign } from "./signing";
import { contractIdsOf, contractView } from "./store";
import type { Party } from "./terms";

// The queries and writes behind the contract routes: each route's `run` calls one of these.

export type Contract = typeof contracts.$inferSelect;

/**
 * The contract a route acts on, as command() takes it: about its person, and a provider stands
 * in it only when the contract names that provider (`party`).
 */
export async function findContract(db: Db, contractId: string) {
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) throw notFound("That contract");
  return { ...contract, party: { providerId: contract.providerId } };
}

export type FoundContract = Awaited<ReturnType<typeof findContract>>;

/** Takes the contract's row lock: online and paper signing take it, so they never race. */
export async function lockContract(tx: Db, contractId: string) {
  await tx
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.id, contractId))
    .for("update");
}

/** The person's agreements, newest version of each, oldest agreement first. */
export async function personContracts(db: Db, personId: string) {
  const views = [];
  for (const id of await contractIdsOf(db, personId)) {
    const view = await contractView(db, id);
    if (view) views.push(view);
  }
  return views;
}

export type ContractViewOf = NonNullable<Awaited<ReturnType<typeof contractView>>>;

/** The legal authority the actor holds for the person, when they are their representative. */
export async function signingAuthorityOf(db: Db, actor: Actor, personId: string) {
  if (actor.role !== "representative") return null;
  const [held] = await db
    .select({ authority: representatives.authority })
    .from(representatives)
    .where(
      and(
        eq(representatives.personId, personId),
        eq(representatives.userId, actor.userId),
        isNull(representatives.endedAt),
      ),
    );
  return held?.authority ?? null;
}

export interface OnlineSignature {
  party: Party;
  version: number;
  documentHash: string;
  /** Whether the signer holds the authority to sign for the party (mayActFor). */
  authorised: boolean;
}

/**
 * A party accepts the newest version online: under the contract's row lock, the signing guard on
 * the version as it is now, then the signature. Returns the version signed and the contract after.
 */
export async function signContract(
  tx: Db,
  contract: Contract,
  attempt: OnlineSignature,
  signer: Pick<Actor, "userId" | "displayName">,
) {
  await lockContract(tx, contract.id);
  const view = await contractView(tx, contract.id);
  if (!view) throw notFound("That contract");
  const blocked = cannotSign(
    {
      kind: contract.kind,
      version: view.version,
      documentHash: view.documentHash,
      signedBy: view.signatures.map((s) => s.party),
    },
    attempt,
  );
  if (blocked) throw conflict(blocked);
  await recordSignature(tx, contract.id, {
    contractVersionId: view.versionId,
    party: attempt.party,
    signedBy: signer.userId,
    signerName: signer.displayName,
    documentHash: attempt.documentHash,
  });
  const after = await contractView(tx, contract.id);
  if (!after) throw notFound("That contract");
  return { signed: view, after };
}

/** A party's question about a contract, before signing. */
export async function askQuestion(db: Db, contractId: string, question: string, by: string) {
  const [row] = await db
    .insert(contractQuestions)
    .values({ contractId, question, askedBy: by })
    .returning({ id: contractQuestions.id });
  if (!row) throw new Error("The question was not recorded");
  return row;
}

/** A question with the contract it is about, as command() takes it. */
export async function findQuestion(db: Db, questionId: string) {
  const [question] = await db
    .select()
    .from(contractQuestions)
    .where(eq(contractQuestions.id, questionId));
  if (!question) throw notFound("That question");
  return { ...(await findContract(db, question.contractId)), question };
}

export async function answerQuestion(tx: Db, questionId: string, answer: string, by: string) {
  await tx
    .update(contractQuestions)
    .set({ answer, answeredBy: by, answeredAt: new Date().toISOString() })
    .where(eq(contractQuestions.id, questionId));
}

export interface NewRateRequest {
  proposedRatePence: number;
  buildUp: { component: string; pence: number }[];
  reason: string;
}

/** A provider's request to renegotiate a contract's rate, with its build-up. */
export async function raiseRateRequest(
  db: Db,
  contractId: string,
  request: NewRateRequest,
  by: string,
) {
  const [row] = await db
    .insert(rateRequests)
    .values({ contractId, ...request, raisedBy: by })
    .returning({ id: rateRequests.id });
  if (!row) throw new Error("The rate request was not recorded");
  return row;
}

/** Providers' open requests to renegotiate a rate, oldest first. */
export function openRateRequests(db: Db) {
  return db
    .select({
      id: rateRequests.id,
      provider: providers.name,
      proposedRatePence: rateRequests.proposedRatePence,
      buildUp: rateRequests.buildUp,
      reason: rateRequests.reason,
      raisedAt: rateRequests.raisedAt,
    })
    .from(rateRequests)
    .innerJoin(contracts, eq(contracts.id, rateRequests.contractId))
    .innerJoin(providers, eq(providers.id, contracts.providerId))
    .where(eq(rateRequests.status, "open"))
    .orderBy(asc(rateRequests.raisedAt));
}
