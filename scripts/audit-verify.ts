// npm run audit:verify: walks the audit log's hash chain of the database Cairn is configured for
// (DATABASE_URL, else the embedded CAIRN_DATA_DIR, stopped first) and prints "Audit chain intact,
// N rows" or the first broken link's row id. Exit code 0 when intact, 1 when broken, 2 on error.
import { readConfig } from "../src/config";
import { describeChain, verifyAuditChain } from "../src/platform/audit/chain";
import { openDatabase } from "../src/platform/db/client";

try {
  const database = await openDatabase(readConfig().database, { migrate: false });
  try {
    const report = await verifyAuditChain(database);
    console.log(describeChain(report));
    process.exitCode = report.intact ? 0 : 1;
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`audit:verify could not run: ${(error as Error).message}`);
  process.exitCode = 2;
}
