export interface PersonIdentity {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  chi?: string | null;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Why an existing record may be the same person as a new one; empty if there is no sign. */
export function duplicateReasons(candidate: PersonIdentity, existing: PersonIdentity): string[] {
  const reasons: string[] = [];
  if (candidate.chi && existing.chi && candidate.chi === existing.chi)
    reasons.push("Same CHI number");
  const sameBirth = candidate.dateOfBirth === existing.dateOfBirth;
  const sameFamily = same(candidate.familyName, existing.familyName);
  const sameGiven = same(candidate.givenName, existing.givenName);
  if (sameBirth && sameFamily) reasons.push("Same family name and date of birth");
  else if (sameBirth && sameGiven) reasons.push("Same given name and date of birth");
  else if (sameGiven && sameFamily) reasons.push("Same name");
  return reasons;
}

/** A CHI match is certain: the record must not be made again, whatever the user confirms. */
export const isCertainMatch = (reasons: string[]) => reasons.includes("Same CHI number");
