import { readConfig } from "./config";
import { prune } from "./modules/data-protection/store";
import { openDatabase } from "./platform/db/client";

// `npm run prune`: deletes what is past the council's retention periods now (sign-in attempts,
// long-expired sessions, self-referrals never accepted), audited as counts. The server does the
// same every hour.
const config = readConfig();
const database = await openDatabase(config.database);
try {
  const pruned = await prune(database.db);
  console.log(
    `Pruned ${pruned.signInAttempts} sign-in attempts, ${pruned.sessions} expired sessions, ${pruned.selfReferrals} self-referrals never accepted.`,
  );
} finally {
  await database.close();
}
