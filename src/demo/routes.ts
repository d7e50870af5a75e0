import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../modules/identity/schema";
import { people, representatives, teams } from "../modules/people/schema";
import { providers } from "../modules/providers/schema";
import { ROLES } from "../platform/authorisation/roles";
import { appMeta } from "../platform/db/meta-schema";
import type { App, RouteDeps } from "../platform/http/app";
import { Problem } from "../platform/http/problem";
import { DEMO_LOADED_KEY, DEMO_PASSWORD } from "./accounts";

const DemoAccounts = z.object({
  password: z.string(),
  accounts: z.array(
    z.object({
      email: z.string(),
      displayName: z.string(),
      role: z.string(),
      description: z.string(),
    }),
  ),
});

/** The sign-in picker's list: only on an installation that loaded demo data. */
export function demoRoutes(app: App, { db }: RouteDeps) {
  app.get(
    "/api/demo/accounts",
    {
      schema: {
        tags: ["Demo"],
        summary: "Demo accounts (404 unless demo data is loaded)",
        response: { 200: DemoAccounts },
      },
    },
    async () => {
      const [loaded] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_LOADED_KEY));
      if (!loaded) throw new Problem(404, "Not found", "This installation has no demo data.");
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
    },
  );
}
