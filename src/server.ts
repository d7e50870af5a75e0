import type { Config } from "./config";
import { demoRoutes } from "./demo/routes";
import { seedDemoOnce } from "./demo/seed";
import { demoLoaded } from "./demo/store";
import { firstAdministratorLink } from "./modules/identity/first-administrator";
import { findSession, sessionCookieName } from "./modules/identity/sessions";
import { personRelationships } from "./modules/people/relationship";
import { type Database, openDatabase } from "./platform/db/client";
import { type App, buildHttpApp, type RouteDeps } from "./platform/http/app";
import { registerRoutes } from "./routes";

export interface Cairn {
  app: App;
  database: Database;
  /**
   * A real install with no administrator who can sign in yet: the one-time link (a path) to set
   * the first administrator's password, made at this start, for the console. Null otherwise.
   */
  setupLink: string | null;
  close(): Promise<void>;
}

/** Opens the database (migrating it), loads demo data once if asked, and builds the app. */
export async function createCairn(
  config: Pick<Config, "database" | "demo" | "secureCookies"> &
    Partial<Pick<Config, "trustProxy" | "adminEmail">>,
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
  config: Pick<Config, "demo" | "secureCookies"> &
    Partial<Pick<Config, "trustProxy" | "adminEmail">>,
  logger = false,
): Promise<Cairn> {
  try {
    let setupLink: string | null = null;
    if (config.demo) await seedDemoOnce(database.db);
    else if (await demoLoaded(database.db)) {
      // Demo accounts have a published password: a real install must never run with them.
      throw new Error(
        "this database holds the demo council (made-up people, demo accounts with a published password). Start it with CAIRN_DEMO=1, or give a real install a new database.",
      );
    } else {
      const issued = await firstAdministratorLink(
        database.db,
        config.adminEmail ?? "admin@localhost",
      );
      setupLink = issued?.link ?? null;
    }
    // PGlite runs no autovacuum: bring the planner's statistics up to date at each start.
    if (database.kind === "pglite") await database.query("analyze");
    // The demo's routes (the sign-in picker's accounts) exist only in the demo.
    const routes = config.demo
      ? (app: App, deps: RouteDeps) => {
          registerRoutes(app, deps);
          demoRoutes(app, deps);
        }
      : registerRoutes;
    const app = await buildHttpApp(routeDeps(database, config), routes, {
      logger,
      trustProxy: config.trustProxy ?? false,
    });
    return {
      app,
      database,
      setupLink,
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
