import { eq } from "drizzle-orm";
import { recordListing } from "../../platform/audit/audit";
import type { Access } from "../../platform/authorisation/guard";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict, invalid, Problem } from "../../platform/http/problem";
import { isCertainMatch, type PersonIdentity } from "../people/duplicates";
import { localities, people } from "../people/schema";
import { possibleDuplicates } from "../people/store";
import { type REFERRAL_SOURCES, referrals, type URGENCIES } from "./schema";

export interface ReferralFor {
  person: PersonIdentity & { localityId: string; chi?: string };
  source: (typeof REFERRAL_SOURCES)[number];
  urgency: (typeof URGENCIES)[number];
  reason: string;
  confirmedNew: boolean;
}

/**
 * Records a referral for a new person, held by the recording worker: the locality must exist,
 * and possible duplicates stop it (a CHI match always; others until the user confirms).
 * `also` runs inside the same transaction (e.g. to link a self-referral).
 */
export async function recordReferral(
  db: Db,
  access: Access,
  referral: ReferralFor,
  also: (tx: Db, ids: { personId: string; referralId: string }) => Promise<void> = async () => {},
) {
  const { person, source, urgency, reason, confirmedNew } = referral;
  const actor = access.actor;
  const [locality] = await db.select().from(localities).where(eq(localities.id, person.localityId));
  if (!locality)
    throw invalid([{ path: "person.localityId", message: "Choose a locality from the list" }]);
  await refuseDuplicates(db, actor, person, confirmedNew);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(people)
      .values({ ...person, allocatedWorkerId: actor.userId })
      .returning({ id: people.id });
    if (!created) throw new Problem(500, "Not saved", "The person could not be recorded.");
    const [row] = await tx
      .insert(referrals)
      .values({ personId: created.id, source, urgency, reason, recordedBy: actor.userId })
      .returning({ id: referrals.id });
    if (!row) throw new Problem(500, "Not saved", "The referral could not be recorded.");
    const ids = { personId: created.id, referralId: row.id };
    await also(tx, ids);
    await access.record(tx, { resourceId: row.id, personId: created.id });
    return ids;
  });
}

/** Stops a new record when one may exist already: always on a CHI match, else until confirmed. */
async function refuseDuplicates(
  db: Db,
  actor: Actor,
  person: PersonIdentity,
  confirmedNew: boolean,
) {
  const matches = await possibleDuplicates(db, person);
  const shown = matches.map((m) => ({ resourceId: m.id, personId: m.id }));
  await recordListing(db, actor, "person", shown, { reason: "duplicate check" }, "match");
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
