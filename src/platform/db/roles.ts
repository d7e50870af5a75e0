import type pg from "pg";

/** A role's name as an SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The app role's grants, applied by the owner after every migration: it reads and writes rows,
 * and nothing else (no TRUNCATE, REFERENCES or TRIGGER, no DDL: it owns nothing and may not
 * create in the schema). On the append-only tables (those whose trigger refuses every UPDATE and
 * DELETE) it may only read and insert, so the grants refuse a change even before the trigger.
 */
export function appRoleGrants(appRole: string): string {
  const app = ident(appRole);
  return `
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    GRANT USAGE ON SCHEMA public TO ${app};
    REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
    ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
    DO $grants$
    DECLARE t text;
    BEGIN
      FOR t IN
        SELECT DISTINCT c.relname FROM pg_trigger g
        JOIN pg_class c ON c.oid = g.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        JOIN pg_proc p ON p.oid = g.tgfoid
          AND p.proname IN ('cairn_refuse_change', 'cairn_refuse_change_unless_erasing')
        WHERE g.tgtype & 1 = 1 -- row-level: the triggers refusing UPDATE and DELETE
      LOOP
        EXECUTE format('REVOKE UPDATE, DELETE ON %I FROM ${app.replaceAll("'", "''")}', t);
      END LOOP;
    END
    $grants$;
  `;
}

/** Who a connection is, and whether it could undo append-only (owns tables, or is superuser). */
export async function whoAmI(client: pg.Pool | pg.Client) {
  const { rows } = await client.query<{ name: string; superuser: boolean; owns: boolean }>(
    `select current_user as name,
            (select rolsuper from pg_roles where rolname = current_user) as superuser,
            exists (select 1 from pg_tables where schemaname = 'public'
                      and tableowner = current_user) as owns`,
  );
  const me = rows[0];
  if (!me) throw new Error("Could not tell which role the database connection is.");
  return me;
}

/** The warning printed at start when Cairn's own connection could undo append-only. */
export function ownerWarning(me: { name: string; superuser: boolean }): string {
  return (
    `WARNING: Cairn runs as the database role "${me.name}", which ${me.superuser ? "is a superuser" : "owns the tables"}: ` +
    "it could TRUNCATE, DROP or disable the triggers that keep history append-only. " +
    "Set DATABASE_URL to an app role and CAIRN_MIGRATION_URL to the owner (README: Operations and security)."
  );
}
