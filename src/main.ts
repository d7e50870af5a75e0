import { readConfig } from "./config";
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

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await cairn.close();
    process.exit(0);
  });
}
