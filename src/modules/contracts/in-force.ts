import { desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { contractSignatures, contracts, contractVersions } from "./schema";
import { contractStatus } from "./signing";
import type { Party } from "./terms";

/**
 * The agreements in force (every party their kind needs has signed the newest version, as
 * contractStatus decides), for these people or, without ids, for everyone.
 */
export async function agreementsInForce(db: Db, personIds?: string[]) {
  if (personIds?.length === 0) return [];
  const newest = await db
    .selectDistinctOn([contractVersions.contractId], {
      contractId: contracts.id,
      personId: contracts.personId,
      providerId: contracts.providerId,
      kind: contracts.kind,
      versionId: contractVersions.id,
      version: contractVersions.version,
      documentHash: contractVersions.documentHash,
    })
    .from(contractVersions)
    .innerJoin(contracts, eq(contracts.id, contractVersions.contractId))
    .where(personIds ? inArray(contracts.personId, personIds) : undefined)
    .orderBy(contractVersions.contractId, desc(contractVersions.version));
  if (newest.length === 0) return [];
  const signed = await db
    .select({ versionId: contractSignatures.contractVersionId, party: contractSignatures.party })
    .from(contractSignatures)
    .where(
      inArray(
        contractSignatures.contractVersionId,
        newest.map((c) => c.versionId),
      ),
    );
  const parties = new Map<string, Party[]>();
  for (const s of signed) parties.set(s.versionId, [...(parties.get(s.versionId) ?? []), s.party]);
  return newest
    .filter((c) => contractStatus({ ...c, signedBy: parties.get(c.versionId) ?? [] }).active)
    .map(({ contractId, personId, providerId, kind }) => ({
      contractId,
      personId,
      providerId,
      kind,
    }));
}
