import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { latestAssessment } from "../assessment/store";
import { people } from "../people/schema";
import { communitySupports } from "./schema";
import { matchSignposts } from "./signposting";

/** Community and universal supports that fit the person's outcomes and locality. */
export async function signpostsFor(db: Db, personId: string) {
  const [person] = await db
    .select({ localityId: people.localityId })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) return [];
  const outcomes = (await latestAssessment(db, personId))?.outcomes ?? [];
  const supports = await db.select().from(communitySupports);
  return matchSignposts(supports, {
    localityId: person.localityId,
    nationalOutcomes: outcomes.flatMap((o) => (o.nationalOutcome ? [o.nationalOutcome] : [])),
    talkingPoints: outcomes.flatMap((o) => (o.talkingPoint ? [o.talkingPoint] : [])),
  }).map(({ id, name, description, contact }) => ({ id, name, description, contact }));
}
