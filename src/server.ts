import type { Config } from "./config";
import { seedDemoOnce } from "./demo/seed";
import { findSession, sessionCookieName } from "./modules/identity/sessions";
import { personRelationships } from "./modules/people/relationship";
import { type Database, openDatabase } from "./platform/db/client";
import { type App, buildHttpApp, type RouteDeps } from "./platform/http/app";
import { registerRoutes } from "./routes";

export interface Cairn {
  app: App;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database (migrating it), loads demo data once if asked, and builds the app. */
export async function createCairn(
  config: Pick<Config, "database" | "demo" | "secureCookies"> & Partial<Pick<Config, "trustProxy">>,
  logger = false,
): Promise<Cairn> {
  return assembleCairn(await openDatabase(config.database), config, logger);
}

/** What every route is given: the database, and the resolvers the modules provide to platform. */
export function routeDeps(database: Database, config: Pick<Config, "secureCookies">): RouteDeps {
  return {
    db: database.db,
    database,
    secureCookies: config.secureCookies,
    relationships: personRelationships,
    sessions: {
      cookie: sessionCookieName(config.secureCookies),
      find: (token) => findSession(database.db, token),
    },
  };
}

/** Builds Cairn on an open database; closing Cairn closes the database. */
export async function assembleCairn(
  database: Database,
  config: Pick<Config, "demo" | "secureCookies"> & Partial<Pick<Config, "trustProxy">>,
  logger = false,
): Promise<Cairn> {
  try {
    if (config.demo) await seedDemoOnce(database.db);
    // PGlite runs no autovacuum: bring the planner's statistics up to date at each start.
    if (database.kind === "pglite") await database.query("analyze");
    const app = await buildHttpApp(routeDeps(database, config), registerRoutes, {
      logger,
      trustProxy: config.trustProxy ?? false,
    });
    return {
      app,
      database,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
