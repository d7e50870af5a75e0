import type { Db } from "../../platform/db/client";
import { councilSettings } from "./schema";
import type { ReturnFrequency } from "./terms";

// The council's defaults for new agreements; an administrator sets them, audited.

/** The settings in force; until an administrator sets them, the defaults in the schema. */
export async function councilSettingsOf(db: Db) {
  const [row] = await db.select().from(councilSettings);
  return {
    directPaymentReturnsEvery: row?.directPaymentReturnsEvery ?? ("quarter" as const),
    publishHealthRating: row?.publishHealthRating ?? false,
  };
}

/** Sets the council's defaults (the one row), and gives the settings now in force. */
export async function setCouncilSettings(
  tx: Db,
  settings: { directPaymentReturnsEvery?: ReturnFrequency; publishHealthRating?: boolean },
  by: string,
) {
  // A setting not given keeps its value: each page sets its own.
  const values = {
    ...(await councilSettingsOf(tx)),
    ...Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined)),
    updatedBy: by,
    updatedAt: new Date().toISOString(),
  };
  await tx
    .insert(councilSettings)
    .values(values)
    .onConflictDoUpdate({ target: councilSettings.id, set: values });
  return councilSettingsOf(tx);
}
