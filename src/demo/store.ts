import { asc, eq } from "drizzle-orm";
import { users } from "../modules/identity/schema";
import { teams } from "../modules/organisation/schema";
import { people, representatives } from "../modules/people/schema";
import { providers } from "../modules/providers/schema";
import { ROLES } from "../platform/authorisation/roles";
import type { Db } from "../platform/db/client";
import { appMeta } from "../platform/db/meta-schema";
import { DEMO_LOADED_KEY, DEMO_PASSWORD } from "./accounts";

/** Whether this installation loaded the demo council. */
export async function demoLoaded(db: Db) {
  const [loaded] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_LOADED_KEY));
  return Boolean(loaded);
}

/** The demo accounts, by role, each described in a few words (team, provider, who they act for). */
export async function demoAccounts(db: Db) {
  const rows = await db
    .select({
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      team: teams.name,
      provider: providers.name,
    })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(providers, eq(providers.id, users.providerId))
    .where(eq(users.isDemo, true))
    .orderBy(asc(users.role), asc(users.displayName));
  const reps = await db
    .select({
      email: users.email,
      relationship: representatives.relationship,
      authority: representatives.authority,
      given: people.givenName,
      family: people.familyName,
    })
    .from(representatives)
    .innerJoin(users, eq(users.id, representatives.userId))
    .innerJoin(people, eq(people.id, representatives.personId));
  const describe = (r: (typeof rows)[number]) => {
    if (r.provider) return `Staff at ${r.provider}`;
    if (r.team) return r.role === "team-manager" ? `Manages ${r.team}` : `Works in ${r.team}`;
    const rep = reps.find((x) => x.email === r.email);
    if (rep)
      return `${rep.relationship} of ${rep.given} ${rep.family} (${rep.authority.replaceAll("-", " ")})`;
    return "";
  };
  return {
    password: DEMO_PASSWORD,
    accounts: rows
      .sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role))
      .map((r) => ({
        email: r.email,
        displayName: r.displayName,
        role: r.role,
        description: describe(r),
      })),
  };
}
