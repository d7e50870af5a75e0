import type { Db } from "../../platform/db/client";
import { openAccountsIfInForce } from "../ledger/funds";
import { contractSignatures } from "./schema";

export type NewSignature = typeof contractSignatures.$inferInsert;

/**
 * THE way a party's signature is recorded, whoever records it (online or from paper): the
 * signature and, when it is the last one the agreement needs, the ledger accounts it runs on, in
 * the caller's transaction (which holds the contract row lock and has checked cannotSign).
 */
export async function recordSignature(tx: Db, contractId: string, signature: NewSignature) {
  await tx.insert(contractSignatures).values(signature);
  return { accountsOpened: await openAccountsIfInForce(tx, contractId) };
}
