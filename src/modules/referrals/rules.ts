// Pure rules of the referral duplicate check.

/**
 * The possible duplicates a worker may see in full (on their caseload: `readable`), and those
 * whose existence alone they are told of, for a manager to check.
 */
export function splitMatches<M extends { id: string }>(
  matches: M[],
  readable: ReadonlySet<string>,
): [shown: M[], counted: M[]] {
  return [matches.filter((m) => readable.has(m.id)), matches.filter((m) => !readable.has(m.id))];
}

export type CheckDecision =
  | { decision: "same-person"; personId: string }
  | { decision: "different-person" };

/** State guard of a duplicate check's decision: it is decided once. */
export function cannotDecideCheck(status: string): string | null {
  return status === "open" ? null : "This check has already been decided.";
}

/** Bad input: "the same person" must name one of the check's matches. */
export function notAMatch(matchIds: string[], decision: CheckDecision): string | null {
  return decision.decision === "same-person" && !matchIds.includes(decision.personId)
    ? "Choose one of the possible matches"
    : null;
}
