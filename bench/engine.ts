// A fresh database for a benchmark: an embedded data directory, or a new database on the
// PostgreSQL server at DATABASE_URL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../src/platform/db/client";

export interface Engine {
  name: "pglite" | "postgres";
  env: Record<string, string>;
  target: DatabaseTarget;
  cleanup(): Promise<void>;
}

/** A fresh embedded data directory, or a fresh database on the server at DATABASE_URL. */
export async function engine(name: Engine["name"]): Promise<Engine> {
  if (name === "pglite") {
    const dataDir = mkdtempSync(join(tmpdir(), "cairn-bench-"));
    return {
      name,
      env: { CAIRN_DATA_DIR: dataDir, CAIRN_DEMO: "1" },
      target: { kind: "pglite", dataDir },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  // The owner (CAIRN_MIGRATION_URL when two roles are set): benchmarks load in bulk, as an operator.
  const server = (process.env.CAIRN_MIGRATION_URL || process.env.DATABASE_URL) as string;
  const dbName = `cairn_bench_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE ${dbName}`);
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  return {
    name,
    env: { DATABASE_URL: url.toString(), CAIRN_DEMO: "1" },
    target: { kind: "postgres", url: url.toString() },
    cleanup: () => admin(`DROP DATABASE ${dbName}`),
  };
}
