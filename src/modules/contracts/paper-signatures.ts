import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, notFound } from "../../platform/http/problem";
import { lockContract } from "./contract-store";
import { contractVersions } from "./schema";
import { recordSignature } from "./signature-store";
import { cannotRecordPaperSignature } from "./signing";
import { contractView } from "./store";
import type { ContractKind, Party } from "./terms";

export interface PaperSignature {
  party: Party;
  version: number;
  fingerprint: string;
  signerName: string;
  signedOn: string;
}

/**
 * Records a signature made on a printed copy, as the officer `by` confirmed it: the one write
 * path for paper (the route and the demo council). The caller holds the person's lock.
 */
export async function recordPaperSignature(
  tx: Db,
  contract: { id: string; kind: ContractKind },
  by: string,
  paper: PaperSignature,
  // Today as UTC, the same reckoning as the version's day.
  today = new Date().toISOString().slice(0, 10),
) {
  const view = await contractView(tx, contract.id);
  if (!view) throw notFound("That contract");
  const [made] = await tx
    .select({
      day: sql<string>`to_char(${contractVersions.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`,
    })
    .from(contractVersions)
    .where(eq(contractVersions.id, view.versionId));
  if (!made) throw notFound("That version");
  const blocked = cannotRecordPaperSignature(
    {
      kind: contract.kind,
      version: view.version,
      documentHash: view.documentHash,
      signedBy: view.signatures.map((s) => s.party),
      madeOn: made.day,
    },
    { ...paper, today },
  );
  if (blocked) throw conflict(blocked);
  await recordSignature(tx, contract.id, {
    contractVersionId: view.versionId,
    party: paper.party,
    signedBy: by,
    signerName: paper.signerName.trim(),
    documentHash: view.documentHash,
    method: "paper",
    signedOn: paper.signedOn,
  });
  return view;
}

/**
 * The officer's record of a paper signature, as the route makes it: under the contract's row lock
 * (the one online signing takes, so the two never race for one party), in the caller's
 * transaction holding the person's lock. Returns the version signed and the contract after.
 */
export async function signOnPaper(
  tx: Db,
  contract: { id: string; kind: ContractKind },
  by: string,
  paper: PaperSignature,
) {
  await lockContract(tx, contract.id);
  const signed = await recordPaperSignature(tx, contract, by, paper);
  const after = await contractView(tx, contract.id);
  if (!after) throw notFound("That contract");
  return { signed, after };
}
