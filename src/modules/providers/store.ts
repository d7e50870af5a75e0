import { asc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { latestAssessment } from "../assessment/store";
import { localities } from "../organisation/schema";
import { people } from "../people/schema";
import { communitySupports, providers } from "./schema";
import { ANY_SUPPORT, searchSupport } from "./search";
import { matchSignposts } from "./signposting";

/** The provider directory, by name. */
export function providerDirectory(db: Db) {
  return db
    .select({
      id: providers.id,
      name: providers.name,
      kind: providers.kind,
      serviceType: providers.serviceType,
      town: providers.town,
      minGrade: providers.minGrade,
      summary: providers.summary,
    })
    .from(providers)
    .orderBy(asc(providers.name));
}

/** The council's areas, by name, for the public search page. */
export const searchAreas = (db: Db) => db.select().from(localities).orderBy(asc(localities.name));

/** Community and universal supports that fit the person's outcomes and locality. */
export async function signpostsFor(db: Db, personId: string) {
  const [person] = await db
    .select({ localityId: people.localityId })
    .from(people)
    .where(eq(people.id, personId));
  if (!person) return [];
  const outcomes = (await latestAssessment(db, personId))?.outcomes ?? [];
  const supports = await db.select().from(communitySupports);
  const community = matchSignposts(supports, {
    localityId: person.localityId,
    nationalOutcomes: outcomes.flatMap((o) => (o.nationalOutcome ? [o.nationalOutcome] : [])),
    talkingPoints: outcomes.flatMap((o) => (o.talkingPoint ? [o.talkingPoint] : [])),
  }).map(({ id, name, description, contact }) => ({ id, name, description, contact }));
  return [...community, ...(await adviceNearby(db, person.localityId))];
}

/** From the directory, by the same search the public uses: independent advice in the area. */
async function adviceNearby(db: Db, localityId: string) {
  const query = { ...ANY_SUPPORT, localityId, supportType: "advice-and-planning" as const };
  const { results } = await searchSupport(db, query, 1, 2);
  return results.map((r) => ({
    id: r.serviceId,
    name: `${r.serviceName}: ${r.providerName}`,
    description: r.accessibleInformation,
    contact: [r.phone, r.email].filter(Boolean).join(", ") || "Ask your social worker",
  }));
}
