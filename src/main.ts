import { readConfig } from "./config";
import { prune } from "./modules/data-protection/store";
import { createCairn } from "./server";

const started = performance.now();
const config = readConfig();
const cairn = await createCairn(config, true).catch((error: Error) => {
  console.error(`Cairn could not start: ${error.message}`);
  process.exit(1);
});
if (cairn.database.warning) console.warn(cairn.database.warning);
const address = await cairn.app.listen({ port: config.port, host: config.host });
const where =
  config.database.kind === "postgres" ? "PostgreSQL" : `PGlite in ${config.database.dataDir}`;
console.log(
  `Cairn is ready at ${address} (${where}) in ${Math.round(performance.now() - started)} ms`,
);
if (config.demo) {
  console.log(
    "This is the demo council: made-up people, demo accounts (CAIRN_DEMO=0 for a real install).",
  );
}
if (cairn.setupLink) {
  // Shown once: only the link's hash is kept. A later start with still no administrator makes a new one.
  console.log(
    `No administrator can sign in yet. Within 72 hours, open this one-time link to set the password of ${config.adminEmail}:\n  ${address}${cairn.setupLink}`,
  );
}

// Retention: what is past its period is pruned at start and every hour (audited as counts).
const HOUR_MS = 60 * 60 * 1000;
const pruneNow = () =>
  prune(cairn.database.db).catch((error: Error) =>
    console.error(`Pruning failed (${error.name}); it will run again in an hour`),
  );
void pruneNow();
const pruning = setInterval(pruneNow, HOUR_MS);
pruning.unref();

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    clearInterval(pruning);
    await cairn.close();
    process.exit(0);
  });
}
