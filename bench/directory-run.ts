// npm run bench (third part): streaming import of the Care Inspectorate datastore (time and
// the server's peak memory, at two file sizes) and the public directory search at 50 concurrent
// clients against its own SQL run raw, on PGlite and (with DATABASE_URL) PostgreSQL.
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { DEMO_PASSWORD } from "../src/demo/accounts";
import { localities } from "../src/modules/organisation/schema";
import { supportSearchQuery } from "../src/modules/providers/search";
import { SearchQuery, toSupportQuery } from "../src/modules/providers/search-routes";
import { openDatabase } from "../src/platform/db/client";
import { startServerProcess, stopServer, waitUntilReady } from "../src/testing/server-process";
import {
  loadScotlandDirectory,
  residentMiB,
  sampleResident,
  writeDatastoreFile,
} from "./directory";
import { type Engine, engine } from "./engine";
import { closedLoop, type Latency } from "./load";

const CLIENTS = 50;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const IMPORT_SIZES = [15_000, 60_000];

async function signIn(base: string, role: string) {
  const { accounts } = await (await fetch(`${base}/api/demo/accounts`)).json();
  const email = accounts.find((a: { role: string }) => a.role === role).email;
  const res = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { csrfToken } = await res.json();
  return { cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "", csrfToken };
}

async function started(db: Engine) {
  const server = await startServerProcess(db.env);
  await waitUntilReady(server);
  return server;
}

/** One import of a file of `rows` rows into a fresh database, through a real HTTP upload. */
async function importOnce(rows: number, file: string) {
  const db = await engine("pglite");
  const server = await started(db);
  try {
    const { cookie, csrfToken } = await signIn(server.url, "commissioner");
    const pid = server.child.pid as number;
    const before = residentMiB(pid);
    const highest = sampleResident(pid);
    const t = performance.now();
    const res = await fetch(`${server.url}/api/care-inspectorate/imports?fileName=bench.csv`, {
      method: "POST",
      headers: { "content-type": "text/csv", cookie, "x-csrf-token": csrfToken },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    const result = await res.json();
    const ms = Math.round(performance.now() - t);
    const during = highest();
    if (res.status !== 201) throw new Error(`import: ${res.status} ${JSON.stringify(result)}`);
    return {
      rows,
      megabytes: Math.round(statSync(file).size / 2 ** 20),
      ms,
      rowsPerSecond: Math.round((result.rows / ms) * 1000),
      added: result.added,
      serverResidentBeforeMiB: before,
      serverResidentHighestDuringMiB: during,
      growthMiB: Math.round((during - before) * 10) / 10,
    };
  } finally {
    await stopServer(server);
    await db.cleanup();
  }
}

async function imports() {
  const dir = mkdtempSync(join(tmpdir(), "cairn-datastore-"));
  const runs = [];
  for (const rows of IMPORT_SIZES) {
    const file = join(dir, `datastore-${rows}.csv`);
    await writeDatastoreFile(file, rows);
    runs.push(await importOnce(rows, file));
  }
  rmSync(dir, { recursive: true, force: true });
  return runs;
}

/** Queries a person might make, with the area filled in once the directory is loaded. */
const QUERIES = (area: string) => [
  "",
  `supportType=personal-care&locality=${area}&available=yes`,
  "q=care%20home&minGrade=4",
  "kind=voluntary&supportType=housing-support",
  "postcode=KY1&maxRate=28.00",
];

async function search(db: Engine) {
  const first = await started(db); // migrate and load the demo council
  await stopServer(first);
  let database = await openDatabase(db.target);
  const services = await loadScotlandDirectory(database);
  const [area] = await database.db.select().from(localities);
  await database.close();
  const queries = QUERIES(area?.id as string);

  const server = await started(db);
  const get = async (i: number) => {
    const res = await fetch(`${server.url}/api/public/support?${queries[i % queries.length]}`);
    if (!res.ok) throw new Error(`search: ${res.status}`);
    await res.arrayBuffer();
  };
  // Warm-up at full concurrency: Node's fetch opens its 50 connections slowly the first time
  // (a client cost: 50 parallel curl requests to a fresh server all finish within 1.2 s).
  await closedLoop(CLIENTS, 500, get);
  const api = await closedLoop(CLIENTS, REQUESTS, get);
  await stopServer(server);

  database = await openDatabase(db.target);
  const statements = queries.map((q) => {
    const query = toSupportQuery(SearchQuery.parse(Object.fromEntries(new URLSearchParams(q))));
    return supportSearchQuery(database.db, query).toSQL();
  });
  const raw = await closedLoop(CLIENTS, REQUESTS, async (i) => {
    const { sql, params } = statements[i % statements.length] as (typeof statements)[number];
    await database.query(sql, params);
  });
  await database.close();
  await db.cleanup();
  return { engine: db.name, services, api, raw, ratio: Math.round((api.p50 / raw.p50) * 10) / 10 };
}

// BENCH_PART=import or =search runs one half (while working on it); both by default.
const part = process.env.BENCH_PART ?? "all";
const results: { imports: unknown; search: { engine: string; api: Latency; raw: Latency }[] } = {
  imports: part === "search" ? [] : await imports(),
  search: part === "import" ? [] : [await search(await engine("pglite"))],
};
if (process.env.DATABASE_URL && part !== "import")
  results.search.push(await search(await engine("postgres")));
mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest-directory.json", import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(JSON.stringify(results, null, 2));
