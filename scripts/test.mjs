// npm test: lint, types, unit and database tests, then the browser journey. Stops at the
// first failure; ends with one line "N passed, N failed" summed over every Vitest run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reports = mkdtempSync(join(tmpdir(), "cairn-test-"));
let passed = 0;
let failed = 0;

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

function vitest(label, projects) {
  const output = join(reports, `${label}.json`);
  const args = ["vitest", "run", ...projects.flatMap((p) => ["--project", p])];
  const ok = run(label, "npx", [
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${output}`,
  ]);
  try {
    const report = JSON.parse(readFileSync(output, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    failed += 1; // no report: the run itself broke
  }
  return ok;
}

// `node scripts/test.mjs db`: only the database suites (CI reruns them on PostgreSQL).
const dbOnly = process.argv[2] === "db";
const steps = dbOnly
  ? [() => vitest("db", ["db"])]
  : [
      () => run("lint", "npx", ["biome", "check", "."]),
      () => run("types", "npm", ["run", "--silent", "typecheck"]),
      () => vitest("unit-and-db", ["unit", "db"]),
      () => run("chromium", "node", ["scripts/check-chromium.mjs"]),
      () => run("web build", "npm", ["run", "--silent", "build:web"]),
      () => vitest("e2e", ["e2e"]),
    ];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
rmSync(reports, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
if (!ok || failed > 0 || passed === 0) process.exit(1);
