// npm run bench (second part): RAS throughput and impact simulation, on PGlite and, when
// DATABASE_URL is set, on a fresh database on that PostgreSQL server.
import { mkdirSync, writeFileSync } from "node:fs";
import { DEMO_RAS } from "../src/demo/ras";
import { type DatabaseTarget, openDatabase } from "../src/platform/db/client";
import { engine } from "./engine";
import { loadBudgets, SIZE, simulation, syntheticInputs, throughput } from "./ras";

// A candidate version: £10 less a point in every band.
const candidate = {
  ...DEMO_RAS,
  bands: DEMO_RAS.bands.map((b) => ({
    ...b,
    pencePerPoint: Object.fromEntries(
      Object.entries(b.pencePerPoint).map(([g, p]) => [g, p - 1000]),
    ),
  })),
};

async function onEngine(
  name: string,
  target: DatabaseTarget,
  inputs: ReturnType<typeof syntheticInputs>,
) {
  const database = await openDatabase(target);
  const t = performance.now();
  await loadBudgets(database, inputs);
  const loadMs = Math.round(performance.now() - t);
  const result = await simulation(database, candidate);
  await database.close();
  return { engine: name, loadMs, ...result };
}

const inputs = syntheticInputs(SIZE);
const results: Record<string, unknown> = {
  size: SIZE,
  throughput: throughput(inputs),
  simulation: [],
};
const runs = results.simulation as unknown[];
runs.push(await onEngine("pglite (in memory)", { kind: "pglite", dataDir: null }, inputs));
if (process.env.DATABASE_URL) {
  const db = await engine("postgres");
  runs.push(await onEngine("postgres", db.target, inputs));
  await db.cleanup();
}
mkdirSync(new URL("./results", import.meta.url), { recursive: true });
writeFileSync(
  new URL("./results/latest-ras.json", import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(JSON.stringify(results, null, 2));
