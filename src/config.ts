import type { DatabaseTarget } from "./platform/db/client";

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /**
   * The demo council: made-up people, demo accounts with a published password, a banner on
   * every page. On for the embedded database unless CAIRN_DEMO=0; off with DATABASE_URL unless
   * CAIRN_DEMO=1. A real install instead prints a one-time link to set up its first administrator.
   */
  demo: boolean;
  /** The first administrator's email on a real install (CAIRN_ADMIN_EMAIL). */
  adminEmail: string;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /**
   * The proxies whose X-Forwarded-For is believed (addresses or CIDR ranges), or how many hops:
   * behind a proxy, otherwise everyone shares the proxy's address (and the public form's limit).
   */
  trustProxy: false | number | string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? "3000", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  }
  if (env.CAIRN_MIGRATION_URL && !env.DATABASE_URL) {
    throw new Error(
      "CAIRN_MIGRATION_URL (the owner, which migrates) needs DATABASE_URL (the app role Cairn runs as).",
    );
  }
  const database: DatabaseTarget = env.DATABASE_URL
    ? {
        kind: "postgres",
        url: env.DATABASE_URL,
        ...(env.CAIRN_MIGRATION_URL ? { migrationUrl: env.CAIRN_MIGRATION_URL } : {}),
      }
    : { kind: "pglite", dataDir: env.CAIRN_DATA_DIR ?? "./data" };
  const demoDefault = database.kind === "pglite" ? "1" : "0";
  const demo = (env.CAIRN_DEMO ?? demoDefault).trim();
  if (demo !== "0" && demo !== "1")
    throw new Error(
      `CAIRN_DEMO must be 1 (the demo council) or 0 (a real install), not "${demo}".`,
    );
  const adminEmail = (env.CAIRN_ADMIN_EMAIL ?? "admin@localhost").trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail))
    throw new Error(`CAIRN_ADMIN_EMAIL must be an email address, not "${adminEmail}".`);
  return {
    port,
    host: env.HOST ?? "localhost",
    database,
    demo: demo === "1",
    adminEmail,
    secureCookies: env.CAIRN_SECURE_COOKIES === "1",
    trustProxy: trustedProxies(env.CAIRN_TRUST_PROXY),
  };
}

const ADDRESS = /^[0-9a-f:.]+(\/\d{1,3})?$/i;

/** CAIRN_TRUST_PROXY: unset or 0 trusts none; a number of hops; or proxies' addresses. */
function trustedProxies(value: string | undefined): false | number | string {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return false;
  if (/^\d+$/.test(text)) return Number(text);
  const addresses = text.split(",").map((a) => a.trim());
  const wrong = addresses.find((a) => !ADDRESS.test(a));
  if (wrong !== undefined) {
    throw new Error(
      `CAIRN_TRUST_PROXY must be a number of hops or proxies' addresses (e.g. 10.0.0.1,10.1.0.0/16), not "${wrong}".`,
    );
  }
  return addresses.join(",");
}
