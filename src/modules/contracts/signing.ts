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
