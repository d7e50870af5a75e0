import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "./config";
import { DEMO_PASSWORD } from "./demo/accounts";
import { seedDemoOnce } from "./demo/seed";
import type { Database } from "./platform/db/client";
import { createTestDatabase } from "./platform/db/testing";
import { assembleCairn, type Cairn } from "./server";
import { OWN_PASSWORD, setOwnPassword, TestUser, tokenOf } from "./testing/api";
import {
  type ServerProcess,
  startServerProcess,
  stopServer,
  waitUntilReady,
} from "./testing/server-process";

// Issue 13, finding 2: a real council never runs with demo accounts by mistake.

const toClose: Database[] = [];
afterAll(async () => {
  for (const d of toClose) await d.close();
});

/** A database that outlives the Cairn started on it, as across restarts. */
async function keptDatabase(): Promise<Database> {
  const database = await createTestDatabase();
  toClose.push(database);
  return database;
}

/** Starts Cairn on the database, as a start of the server does; closing it keeps the database. */
const start = (database: Database, demo: boolean): Promise<Cairn> =>
  assembleCairn({ ...database, close: async () => {} }, { demo, secureCookies: false });

const count = async (database: Database, table: string) =>
  Number((await database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);

describe("which install a start is", () => {
  it("is the demo with the embedded database, unless CAIRN_DEMO=0; real with DATABASE_URL unless CAIRN_DEMO=1", () => {
    expect(readConfig({}).demo).toBe(true);
    expect(readConfig({ CAIRN_DEMO: "0" }).demo).toBe(false);
    expect(readConfig({ DATABASE_URL: "postgres://db/cairn" }).demo).toBe(false);
    expect(readConfig({ DATABASE_URL: "postgres://db/cairn", CAIRN_DEMO: "1" }).demo).toBe(true);
    expect(() => readConfig({ CAIRN_DEMO: "yes" })).toThrow(/CAIRN_DEMO must be 1 .* or 0/);
    expect(readConfig({}).adminEmail).toBe("admin@localhost");
    expect(() => readConfig({ CAIRN_ADMIN_EMAIL: "admin" })).toThrow(/CAIRN_ADMIN_EMAIL/);
  });
});

describe("a real install", () => {
  it("loads no demo data, has no demo route, and gives a one-time link for the first administrator", async () => {
    const database = await keptDatabase();
    const first = await start(database, false);
    expect(await count(database, "people")).toBe(0);
    expect(await count(database, "providers")).toBe(0);
    expect((await new TestUser(first).get("/api/demo/accounts")).status).toBe(404);
    const openapi = (await new TestUser(first).get("/api/openapi.json")).body;
    expect(Object.keys(openapi.paths)).not.toContain("/api/demo/accounts");
    expect(first.setupLink).toMatch(/^\/set-password\?token=/);
    // The administrator it is for cannot sign in until the link is used.
    const admins = await database.query<{ email: string; password_hash: string | null }>(
      "select email, password_hash from users where role = 'administrator'",
    );
    expect(admins).toEqual([{ email: "admin@localhost", password_hash: null }]);
    expect((await new TestUser(first).signIn("admin@localhost", DEMO_PASSWORD)).status).toBe(401);
    await first.close();

    // A later start with still no administrator: a new link, and the first stops working.
    const second = await start(database, false);
    expect(second.setupLink).toMatch(/^\/set-password\?token=/);
    expect(second.setupLink).not.toBe(first.setupLink);
    expect(await count(database, "users")).toBe(1);
    expect((await setOwnPassword(second, first.setupLink ?? "")).status).toBe(410);
    const owner = await new TestUser(second).post("/api/set-password/owner", {
      token: tokenOf(second.setupLink ?? ""),
    });
    expect(owner.body).toMatchObject({ email: "admin@localhost", purpose: "first-administrator" });
    expect((await setOwnPassword(second, second.setupLink ?? "")).status).toBe(200);
    const admin = new TestUser(second);
    expect((await admin.signIn("admin@localhost", OWN_PASSWORD)).status).toBe(200);
    expect((await admin.get("/api/users")).status).toBe(200);
    await second.close();

    // Once an administrator can sign in, a start gives no link.
    const third = await start(database, false);
    expect(third.setupLink).toBeNull();
    await third.close();
  }, 240_000);

  it("refuses to start on a database that holds the demo council", async () => {
    const database = await keptDatabase();
    await seedDemoOnce(database.db);
    await expect(start(database, false)).rejects.toThrow(/holds the demo council/);
    expect(await count(database, "password_links")).toBe(0);
  }, 240_000);
});

describe("the demo", () => {
  it("loads the demo council and its sign-in picker, and gives no setup link", async () => {
    const database = await keptDatabase();
    const demo = await start(database, true);
    expect(demo.setupLink).toBeNull();
    expect(await count(database, "people")).toBeGreaterThan(0);
    const picker = await new TestUser(demo).get("/api/demo/accounts");
    expect(picker.status).toBe(200);
    expect(picker.body.password).toBe(DEMO_PASSWORD);
    await demo.close();
  }, 240_000);
});

describe("npm start of a real install", () => {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await stopServer(s);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("prints the first administrator's one-time link to the console, which works once", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cairn-install-"));
    dirs.push(dataDir);
    const server = await startServerProcess({ CAIRN_DATA_DIR: dataDir, CAIRN_DEMO: "0" });
    servers.push(server);
    await waitUntilReady(server, 240_000);
    const printed = server.output().match(/(http:\/\/\S+\/set-password\?token=[\w-]+)/)?.[1];
    expect(printed).toBeDefined();
    expect((await fetch(`${server.url}/api/demo/accounts`)).status).toBe(404);
    const token = new URL(printed ?? "").searchParams.get("token");
    const set = await fetch(`${server.url}/api/set-password`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, password: OWN_PASSWORD }),
    });
    expect(set.status).toBe(200);
    const signIn = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@localhost", password: OWN_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
  }, 300_000);
});
