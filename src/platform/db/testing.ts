import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "./client";
import { ident } from "./roles";

/** A database for tests, with a way around the app role for tests of tampering. */
export interface TestDatabase extends Database {
  /** Runs SQL as the tables' owner (the one role on PGlite): to tamper, as an attacker would. */
  asOwner<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** On PostgreSQL, the owner's URL to this database (null on PGlite). */
  ownerUrl: string | null;
}

/** The login role tests run as when only an owner's DATABASE_URL is given. */
export const TEST_APP_ROLE = "cairn_app_test";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server at DATABASE_URL (dropped again on close). On PostgreSQL it is made and
 * migrated by the owner (CAIRN_MIGRATION_URL, else DATABASE_URL) and the tests run as the app
 * role (DATABASE_URL's role when CAIRN_MIGRATION_URL is set, else cairn_app_test, made if
 * missing), as Cairn does: so every database test proves the app role's grants suffice.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: "pglite", dataDir: null });
    return { ...database, asOwner: database.query, ownerUrl: null };
  }
  const ownerUrl = process.env.CAIRN_MIGRATION_URL || url;
  const name = `cairn_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: ownerUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    if (!process.env.CAIRN_MIGRATION_URL) await ensureTestAppRole(admin);
  } finally {
    await admin.end();
  }
  const inTest = (base: string, role?: string) => {
    const target = new URL(base);
    target.pathname = `/${name}`;
    if (role) {
      target.username = role;
      target.password = role;
    }
    return target.toString();
  };
  const appUrl = process.env.CAIRN_MIGRATION_URL ? inTest(url) : inTest(url, TEST_APP_ROLE);
  const owner = new pg.Pool({ connectionString: inTest(ownerUrl), max: 2 });
  try {
    const database = await openDatabase({
      kind: "postgres",
      url: appUrl,
      migrationUrl: inTest(ownerUrl),
    });
    return {
      ...database,
      asOwner: async (sql, params) => (await owner.query(sql, params)).rows,
      ownerUrl: inTest(ownerUrl),
      close: async () => {
        await database.close();
        await owner.end();
        const dropper = new pg.Client({ connectionString: ownerUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
        await dropper.end();
      },
    };
  } catch (error) {
    await owner.end();
    throw error;
  }
}

/** A login role with no privileges of its own, shared by test files (made once per cluster). */
async function ensureTestAppRole(admin: pg.Client) {
  const role = ident(TEST_APP_ROLE);
  await admin.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TEST_APP_ROLE}') THEN
        CREATE ROLE ${role} LOGIN PASSWORD '${TEST_APP_ROLE}' NOSUPERUSER NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another test file made it at the same moment
    END
    $$;
  `);
}
