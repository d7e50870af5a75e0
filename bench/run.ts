// npm run bench: start-up time, and API read latency at 50 concurrent clients against the
// raw database query time, measured in one run. Figures go to stdout and bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, freemem, totalmem } from "node:os";
import { DEMO_PASSWORD } from "../src/demo/accounts";
import { openDatabase } from "../src/platform/db/client";
import { startServerProcess, stopServer, waitUntilReady } from "../src/testing/server-process";
import { type Engine, engine } from "./engine";
import { closedLoop, type Latency } from "./load";

const CLIENTS = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const WARM_STARTS = 3;

async function timeStart(env: Record<string, string>) {
  const t = performance.now();
  const server = await startServerProcess(env);
  await waitUntilReady(server);
  return { server, ms: Math.round(performance.now() - t) };
}

async function signIn(base: string) {
  const { accounts } = await (await fetch(`${base}/api/demo/accounts`)).json();
  const email = accounts.find((a: { role: string }) => a.role === "social-worker").email;
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function main() {
  await measure(await engine("pglite"));
  if (process.env.DATABASE_URL) await measure(await engine("postgres"));
}

async function measure(db: Engine) {
  const env = db.env;
  const results: Record<string, unknown> = {
    engine: db.name,
    machine: `${cpus().length} x ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB (${Math.round(freemem() / 2 ** 30)} free), Node ${process.version}`,
    date: new Date().toISOString(),
  };

  // First start: creates the cluster, migrates, loads the demo council.
  const first = await timeStart(env);
  await stopServer(first.server);
  const warm: number[] = [];
  for (let i = 0; i < WARM_STARTS; i++) {
    const run = await timeStart(env);
    warm.push(run.ms);
    if (i < WARM_STARTS - 1) await stopServer(run.server);
    else results.server = run.server;
  }
  const server = results.server as Awaited<ReturnType<typeof startServerProcess>>;
  delete results.server;
  results.startup = {
    firstStartMs: first.ms,
    warmStartsMs: warm,
    warmMedianMs: [...warm].sort((a, b) => a - b)[1],
  };

  const cookie = await signIn(server.url);
  const { people } = await (
    await fetch(`${server.url}/api/people`, { headers: { cookie } })
  ).json();
  const ids: string[] = people.map((p: { id: string }) => p.id);
  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    await res.arrayBuffer();
  };
  await closedLoop(10, 200, (i) => get(`/api/people/${ids[i % ids.length]}`)); // warm-up
  const api: Record<string, Latency> = {
    "GET /api/health (HTTP floor)": await closedLoop(CLIENTS, REQUESTS, () => get("/api/health")),
    "GET /api/people/:id (full record, authorised and audited)": await closedLoop(
      CLIENTS,
      REQUESTS,
      (i) => get(`/api/people/${ids[i % ids.length]}`),
    ),
  };
  await stopServer(server);

  // The same data, straight from the database in this process (the server has released it).
  const database = await openDatabase(db.target);
  const query = (sql: string) => (i: number) =>
    database.query(sql, [ids[i % ids.length]]).then(() => undefined);
  const raw: Record<string, Latency> = {
    "person row by id": await closedLoop(
      CLIENTS,
      REQUESTS,
      query(
        "select p.*, l.name from people p join localities l on l.id = p.locality_id where p.id = $1",
      ),
    ),
    "audit insert": await closedLoop(CLIENTS, REQUESTS, (i) =>
      database
        .query(
          "insert into audit_log (actor_role, action, resource_type, person_id, outcome) values ('bench', 'read', 'person', $1, 'allowed')",
          [ids[i % ids.length]],
        )
        .then(() => undefined),
    ),
  };
  await database.close();
  await db.cleanup();

  Object.assign(results, { clients: CLIENTS, requests: REQUESTS, api, db: raw });
  mkdirSync(new URL("./results", import.meta.url), { recursive: true });
  writeFileSync(
    new URL(`./results/latest-${db.name}.json`, import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(JSON.stringify(results, null, 2));
}

await main();
