import type { Config } from "./config";
import { seedDemoOnce } from "./demo/seed";
import { type Database, openDatabase } from "./platform/db/client";
import { type App, buildHttpApp } from "./platform/http/app";
import { registerRoutes } from "./routes";

export interface Cairn {
  app: App;
  database: Database;
  close(): Promise<void>;
}

/** Opens the database (migrating it), loads demo data once if asked, and builds the app. */
export async function createCairn(
  config: Pick<Config, "database" | "demo" | "secureCookies">,
  logger = false,
): Promise<Cairn> {
  const database = await openDatabase(config.database);
  try {
    if (config.demo) await seedDemoOnce(database.db);
    const app = await buildHttpApp(
      { db: database.db, database, secureCookies: config.secureCookies },
      registerRoutes,
      { logger },
    );
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
