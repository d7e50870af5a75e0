import { eq } from "drizzle-orm";
import { recordListing } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict, invalid, Problem } from "../../platform/http/problem";
import { localities } from "../organisation/schema";
import { isCertainMatch, type PersonIdentity } from "../people/duplicates";
import { people } from "../people/schema";
import { possibleDuplicates } from "../people/store";
import { referrals } from "./schema";
import type { REFERRAL_SOURCES, URGENCIES } from "./vocabulary";

export interface ReferralFor {
  person: PersonIdentity & { localityId: string; chi?: string };
  source: (typeof REFERRAL_SOURCES)[number];
  urgency: (typeof URGENCIES)[number];
  reason: string;
  confirmedNew: boolean;
}

/**
 * Before a new person is recorded: the locality must exist, and possible duplicates stop it
 * (a CHI match always; others until the user confirms). Run outside the transaction that
 * records them, on purpose: the matches a refusal shows are audited, and that audit must be
 * kept when the refusal rolls the recording back.
 */
export async function checkNewPerson(
  db: Db,
  actor: Actor,
  person: ReferralFor["person"],
  confirmedNew: boolean,
) {
  const [locality] = await db.select().from(localities).where(eq(localities.id, person.localityId));
  if (!locality)
    throw invalid([{ path: "person.localityId", message: "Choose a locality from the list" }]);
  await refuseDuplicates(db, actor, person, confirmedNew);
}

/**
 * Records a referral for a new person, held by the recording worker, in the caller's
 * transaction (after `checkNewPerson`).
 */
export async function recordReferral(tx: Db, referral: ReferralFor, recordedBy: string) {
  const { person, source, urgency, reason } = referral;
  const [created] = await tx
    .insert(people)
    .values({ ...person, allocatedWorkerId: recordedBy })
    .returning({ id: people.id });
  if (!created) throw new Problem(500, "Not saved", "The person could not be recorded.");
  const [row] = await tx
    .insert(referrals)
    .values({ personId: created.id, source, urgency, reason, recordedBy })
    .returning({ id: referrals.id });
  if (!row) throw new Problem(500, "Not saved", "The referral could not be recorded.");
  return { personId: created.id, referralId: row.id };
}

/** Stops a new record when one may exist already: always on a CHI match, else until confirmed. */
async function refuseDuplicates(
  db: Db,
  actor: Actor,
  person: PersonIdentity,
  confirmedNew: boolean,
) {
  const matches = await possibleDuplicates(db, person);
  // Each person whose details the check shows (a match) is audited, as a listing is.
  await recordListing(
    db,
    actor,
    "person",
    matches.map((m) => ({ resourceId: m.id, personId: m.id })),
    { reason: "duplicate check" },
    "match",
  );
  if (matches.some((m) => isCertainMatch(m.reasons))) {
    throw conflict("A person with this CHI number is already recorded.", [
      { path: "person.chi", message: "A person with this CHI number is already recorded" },
    ]);
  }
  if (matches.length > 0 && !confirmedNew) {
    throw new Problem(
      409,
      "Possible duplicate",
      "Someone like this is already recorded. Check the matches; if none is this person, confirm that this is someone new.",
      [],
      {
        matches: matches.map(({ id, givenName, familyName, dateOfBirth, locality, reasons }) => ({
          id,
          givenName,
          familyName,
          dateOfBirth,
          locality: locality.name,
          reasons,
        })),
      },
    );
  }
}
