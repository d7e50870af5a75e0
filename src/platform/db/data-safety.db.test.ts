import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../demo/accounts";
import {
  type ServerProcess,
  startServerProcess,
  stopServer,
  waitUntilReady,
} from "../../testing/server-process";
import { openDatabase } from "./client";
import { DataDirInUseError } from "./lock";

// About the embedded database's own data directory, so they use PGlite even in the PostgreSQL run.
const dirs: string[] = [];
const servers: ServerProcess[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-safety-"));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const s of servers.splice(0)) await stopServer(s);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the embedded data directory", () => {
  it("refuses a second process at once, with a clear message", async () => {
    const dataDir = tempDir();
    const first = await startServerProcess({ CAIRN_DATA_DIR: dataDir, CAIRN_DEMO: "0" });
    servers.push(first);
    await waitUntilReady(first);
    const second = await startServerProcess({ CAIRN_DATA_DIR: dataDir, CAIRN_DEMO: "0" });
    servers.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `data directory ${dataDir} is already in use by process ${first.child.pid}`,
    );
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toBeInstanceOf(
      DataDirInUseError,
    );
    expect((await fetch(`${first.url}/api/health`)).ok).toBe(true); // the first is unharmed
  });

  it("takes over a lock left by a process that no longer exists", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "cairn.lock"), "999999999");
    const database = await openDatabase({ kind: "pglite", dataDir });
    expect(await database.query("select 1 as one")).toEqual([{ one: 1 }]);
    await database.close();
  });

  it("loses no committed write when the process is killed with SIGKILL mid-write", async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ CAIRN_DATA_DIR: dataDir, CAIRN_DEMO: "1" });
    servers.push(server);
    await waitUntilReady(server);
    const session = await signIn(server.url);
    const localityId = (await session.json("/api/localities")).localities[0].id;
    const committed: string[] = [];
    let inFlight = 0;
    // Keep four writers going; kill the server once 40 referrals have been acknowledged.
    const writer = async () => {
      for (let i = 0; committed.length < 400; i++) {
        inFlight++;
        try {
          const reply = await session.post("/api/referrals", {
            person: {
              givenName: `Kill${i}`,
              familyName: "Test",
              dateOfBirth: "1970-01-01",
              localityId,
            },
            source: "gp",
            urgency: "routine",
            reason: "durability test",
            confirmedNew: true, // the same family name and birth date each time
          });
          if (reply.status === 201) committed.push((await reply.json()).personId);
        } catch {
          return; // the server is gone
        } finally {
          inFlight--;
        }
        if (committed.length >= 40) server.child.kill("SIGKILL");
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect(await server.exited).toBe("SIGKILL");
    expect(committed.length).toBeGreaterThanOrEqual(40);
    expect(inFlight).toBe(0);

    const database = await openDatabase({ kind: "pglite", dataDir });
    const rows = await database.query<{ id: string }>(
      "select id from people where family_name = 'Test'",
    );
    await database.close();
    const found = new Set(rows.map((r) => r.id));
    expect(committed.filter((id) => !found.has(id))).toEqual([]);
  });
});

async function signIn(base: string) {
  const accounts = await (await fetch(`${base}/api/demo/accounts`)).json();
  const email = accounts.accounts.find((a: { role: string }) => a.role === "social-worker").email;
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { csrfToken } = await res.json();
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return {
    json: async (path: string) => (await fetch(`${base}${path}`, { headers: { cookie } })).json(),
    post: (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: "POST",
        headers: { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
  };
}
