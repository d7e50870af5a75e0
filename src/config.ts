import type { DatabaseTarget } from "./platform/db/client";

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Load the demo council on first start. On by default for the embedded database. */
  demo: boolean;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number.parseInt(env.PORT ?? "3000", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  }
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dataDir: env.CAIRN_DATA_DIR ?? "./data" };
  const demoDefault = database.kind === "pglite" ? "1" : "0";
  return {
    port,
    host: env.HOST ?? "localhost",
    database,
    demo: (env.CAIRN_DEMO ?? demoDefault) === "1",
    secureCookies: env.CAIRN_SECURE_COOKIES === "1",
  };
}
