import { eq } from "drizzle-orm";
import { recordListing } from "../../platform/audit/audit";
import { authorise } from "../../platform/authorisation/policy";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict, invalid, Problem } from "../../platform/http/problem";
import { localities } from "../organisation/schema";
import { isCertainMatch, type PersonIdentity } from "../people/duplicates";
import { personRelationships } from "../people/relationship";
import { people } from "../people/schema";
import { possibleDuplicates } from "../people/store";
import { splitMatches } from "./rules";
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

/**
 * Stops a new record when one may exist already: always on a CHI match, else until confirmed.
 * The worker sees the details (name, date of birth, locality) only of matches on their own
 * caseload (`readableBy`); of anyone else, only that a possible match exists, which they can
 * ask a manager to check (`duplicate_checks`). What is shown, either way, is audited.
 */
async function refuseDuplicates(
  db: Db,
  actor: Actor,
  person: PersonIdentity,
  confirmedNew: boolean,
) {
  const matches = await possibleDuplicates(db, person);
  const readable = await readableBy(db, actor, matches);
  const [shown, counted] = splitMatches(matches, readable);
  // Each person whose details the check shows (a match) is audited, as a listing is; and each
  // person whose existence alone it shows, as such.
  await recordListing(
    db,
    actor,
    "person",
    shown.map((m) => ({ resourceId: m.id, personId: m.id })),
    { reason: "duplicate check" },
    "match",
  );
  await recordListing(
    db,
    actor,
    "person",
    counted.map((m) => ({ resourceId: m.id, personId: m.id })),
    { reason: "duplicate check", shown: "that a possible match exists" },
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
      counted.length
        ? "Someone like this may already be recorded. You can ask a team manager to check; if you know this is someone new, confirm it."
        : "Someone like this is already recorded. Check the matches; if none is this person, confirm that this is someone new.",
      [],
      {
        possibleMatches: matches.length,
        /** Matches not on the worker's caseload: counted, never described. */
        otherMatches: counted.length,
        matches: shown.map(({ id, givenName, familyName, dateOfBirth, locality, reasons }) => ({
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

/** The ids of the people among `matches` whose record the actor may read (their caseload). */
export async function readableBy(db: Db, actor: Actor, matches: { id: string }[]) {
  const readable = new Set<string>();
  for (const m of matches) {
    const relationship = await personRelationships.to(db, actor, m.id);
    if (authorise({ role: actor.role, relationship, action: "read", resource: "person" }).allowed)
      readable.add(m.id);
  }
  return readable;
}
