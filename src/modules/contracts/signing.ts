import type { Relationship } from "../../platform/authorisation/policy";
import type { Actor } from "../../platform/http/actor";
import { type ContractKind, type Party, SIGNERS } from "./terms";

// Signing: every party the kind needs, on the newest version, on the exact document read.

export interface VersionState {
  kind: ContractKind;
  version: number;
  documentHash: string;
  signedBy: Party[];
}

/** Active only when every party the kind needs has signed this version. */
export function contractStatus(v: VersionState) {
  const waitingFor = SIGNERS[v.kind].filter((p) => !v.signedBy.includes(p));
  return { active: waitingFor.length === 0, waitingFor };
}

export interface SignAttempt {
  party: Party;
  version: number;
  documentHash: string;
  /** Whether the signer holds the authority to sign for that party (decided by the caller). */
  authorised: boolean;
}

export function cannotSign(current: VersionState, attempt: SignAttempt): string | null {
  if (!SIGNERS[current.kind].includes(attempt.party))
    return `The ${attempt.party} does not sign this kind of agreement.`;
  if (!attempt.authorised) return `You do not hold the authority to sign for the ${attempt.party}.`;
  if (attempt.version !== current.version)
    return `This is not the newest version: read version ${current.version} and sign that.`;
  if (attempt.documentHash !== current.documentHash)
    return "The document has changed since it was read: read it again before signing.";
  if (current.signedBy.includes(attempt.party))
    return `The ${attempt.party} has already signed this version.`;
  return null;
}

/** The parties whose signature on a printed copy the council may record (it signs online itself). */
export const PAPER_PARTIES: readonly Party[] = ["person", "provider"];

export interface PaperVersionState extends VersionState {
  /** The day this version was made (YYYY-MM-DD): no one signed it on paper before then. */
  madeOn: string;
}

export interface PaperSignatureAttempt {
  party: Party;
  version: number;
  /** The fingerprint as copied from the paper: at least its first 8 hex characters. */
  fingerprint: string;
  signerName: string;
  /** The date written on the paper (YYYY-MM-DD). */
  signedOn: string;
  /** Today's date (YYYY-MM-DD), passed in so the rule stays pure. */
  today: string;
}

/**
 * Whether an officer may record a signature made on paper. The officer confirms the version and
 * the fingerprint printed on the copy, so the paper is known to be the exact current document.
 */
export function cannotRecordPaperSignature(
  current: PaperVersionState,
  attempt: PaperSignatureAttempt,
): string | null {
  if (!PAPER_PARTIES.includes(attempt.party))
    return `The council signs online itself: a signature on paper is recorded only for the person or the provider.`;
  if (!attempt.signerName.trim()) return "Say who signed the paper copy.";
  const fingerprint = attempt.fingerprint.trim().toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(fingerprint))
    return "Copy at least the first 8 characters of the fingerprint printed on the paper copy (digits 0-9 and letters a-f).";
  const sameDocument = current.documentHash.startsWith(fingerprint);
  if (attempt.version !== current.version || !sameDocument)
    return `This paper copy is not the current version: print version ${current.version} and have it signed.`;
  if (attempt.signedOn > attempt.today)
    return "The date it was signed cannot be in the future: enter the date written on the paper.";
  if (attempt.signedOn < current.madeOn)
    return `Version ${current.version} was made on ${current.madeOn}: a paper copy of it cannot have been signed before then.`;
  // The same guard as online signing: the party signs this kind, once, on this exact document.
  return cannotSign(current, {
    party: attempt.party,
    version: attempt.version,
    documentHash: current.documentHash,
    authorised: true,
  });
}

/** Representatives whose legal authority lets them sign for the person (not informal carers). */
export const SIGNING_AUTHORITIES = [
  "welfare-guardian",
  "welfare-power-of-attorney",
  "continuing-power-of-attorney",
] as const;

/** The facts that decide whether someone may sign for a party, gathered by the caller. */
export interface SignerFacts {
  party: Party;
  actor: Pick<Actor, "role" | "personId" | "providerId">;
  contract: { personId: string; providerId: string | null };
  /** How the actor stands in the contract, as the access check resolved it. */
  relationship: Relationship;
  /** For a representative: the authority they hold for the person (null when none is recorded). */
  authority: string | null;
}

/**
 * Whether the actor holds the legal authority to sign for a party (reading the contract, or
 * being allowed to sign it at all, is the policy's; this is who may speak for whom): the
 * provider's own staff for the provider, the case holder for the council, and the person
 * themselves or a representative with a signing authority for the person.
 */
export function mayActFor({ party, actor, contract, relationship, authority }: SignerFacts) {
  if (party === "provider")
    return actor.role === "provider-staff" && actor.providerId === contract.providerId;
  if (party === "council")
    return (
      actor.role !== "provider-staff" &&
      (relationship === "allocated-worker" || relationship === "team-manager")
    );
  if (actor.role === "supported-person") return actor.personId === contract.personId;
  if (actor.role !== "representative") return false;
  return authority !== null && (SIGNING_AUTHORITIES as readonly string[]).includes(authority);
}

/** The party someone speaks for in a contract, by how they stand in it (the API checks mayActFor). */
export function partyOf(relationship: Relationship): Party | null {
  if (relationship === "self" || relationship === "representative") return "person";
  if (relationship === "supporting-provider") return "provider";
  if (relationship === "allocated-worker" || relationship === "team-manager") return "council";
  return null;
}
