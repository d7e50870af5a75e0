import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./lock";
import { appRoleGrants, ownerWarning, whoAmI } from "./roles";

/**
 * The one database type the modules see, whichever engine is underneath. Queries are built
 * from each module's tables (relational `db.query` is not used), so no schema is bound here.
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Runs raw SQL and returns rows: for benchmarks and tests of the engine itself. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /**
   * Set when Cairn's own connection could undo append-only (PostgreSQL as the tables' owner or a
   * superuser): printed at start.
   */
  warning?: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null: in memory
  /**
   * url: the app role Cairn runs as. migrationUrl: the owner, which migrates and grants the app
   * role what it needs; without it, url migrates (and Cairn warns if it owns the tables).
   */
  | { kind: "postgres"; url: string; migrationUrl?: string };

const migrationsFolder = fileURLToPath(new URL("../../../drizzle", import.meta.url));

export interface OpenOptions {
  /** Bring the schema up to date first (default). Off for tools that only read, e.g. audit:verify. */
  migrate?: boolean;
}

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<Database> {
  const migrate = options.migrate ?? true;
  const database =
    target.kind === "postgres"
      ? await openPostgres(target.url, migrate ? (target.migrationUrl ?? null) : undefined)
      : await openPglite(target.dataDir, migrate);
  return database;
}

async function openPglite(dataDir: string | null, migrate: boolean): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = await PGlite.create(dataDir ?? undefined);
    const db = drizzlePglite(client) as unknown as Db;
    if (migrate) await migratePglite(drizzlePglite(client), { migrationsFolder });
    return {
      db,
      kind: "pglite",
      query: async (sql, params) => (await client.query(sql, params)).rows as never,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * migrationUrl: the owner's URL, which migrates and then grants the app role; null: url itself
 * migrates; undefined: no migration.
 */
async function openPostgres(
  url: string,
  migrationUrl: string | null | undefined,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const me = await whoAmI(pool);
    if (migrationUrl) await migrateAsOwner(migrationUrl, me.name);
    else if (migrationUrl === null) await migratePg(drizzlePg(pool), { migrationsFolder });
    const db = drizzlePg(pool) as unknown as Db;
    const after = await whoAmI(pool);
    return {
      db,
      kind: "postgres",
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      ...(after.superuser || after.owns ? { warning: ownerWarning(after) } : {}),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** The owner migrates, then (re)grants the app role what it needs, after every migration. */
async function migrateAsOwner(migrationUrl: string, appRole: string) {
  const owner = new pg.Pool({ connectionString: migrationUrl, max: 1 });
  try {
    await migratePg(drizzlePg(owner), { migrationsFolder });
    const me = await whoAmI(owner);
    if (me.name !== appRole) await owner.query(appRoleGrants(appRole));
  } finally {
    await owner.end();
  }
}
