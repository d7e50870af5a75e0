import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { contractSignatures, contracts, contractVersions } from "./schema";
import { SIGNERS } from "./terms";

// Every party each kind needs, as rows the database can join (constants from SIGNERS, not input).
const NEEDED = sql.raw(
  `(values ${Object.entries(SIGNERS)
    .flatMap(([kind, parties]) => parties.map((p) => `('${kind}', '${p}')`))
    .join(", ")}) as needed(kind, party)`,
);

/** The newest version of the contract: versions are append-only and numbered per contract. */
const isNewest = sql`${contractVersions.version} = (select max(v.version) from contract_versions v where v.contract_id = ${contracts.id})`;

/** Every party the kind needs has signed this version (the set-based form of contractStatus). */
const allSigned = sql`not exists (select 1 from ${NEEDED} where needed.kind = ${contracts.kind} and not exists (
  select 1 from ${contractSignatures} s where s.contract_version_id = ${contractVersions.id} and s.party = needed.party))`;

/**
 * THE agreements in force: the newest version of each contract signed by every party its kind
 * needs (SIGNERS; contractStatus is the same rule for one contract), in one query, for these
 * people or, without ids, for everyone. Ledger, payment runs and reports all use it.
 */
export async function agreementsInForce(db: Db, personIds?: string[], contractId?: string) {
  if (personIds?.length === 0) return [];
  const where: SQL[] = [isNewest, allSigned];
  if (personIds) where.push(inArray(contracts.personId, personIds));
  if (contractId) where.push(eq(contracts.id, contractId));
  return db
    .select({
      contractId: contracts.id,
      personId: contracts.personId,
      providerId: contracts.providerId,
      kind: contracts.kind,
      versionId: contractVersions.id,
      terms: contractVersions.terms,
    })
    .from(contracts)
    .innerJoin(contractVersions, eq(contractVersions.contractId, contracts.id))
    .where(and(...where))
    .orderBy(contracts.createdAt, contracts.id);
}

/** Whether this one contract is in force now (same query, one contract). */
export const inForce = async (db: Db, contractId: string) =>
  (await agreementsInForce(db, undefined, contractId)).length > 0;
