import { and, desc, eq, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rasVersions } from "./schema";

/** The published RAS in force on a day: the latest effective on or before it. */
export async function rasInForce(db: Db, day = new Date().toISOString().slice(0, 10)) {
  const [row] = await db
    .select()
    .from(rasVersions)
    .where(and(eq(rasVersions.status, "published"), lte(rasVersions.effectiveFrom, day)))
    .orderBy(desc(rasVersions.effectiveFrom), desc(rasVersions.version))
    .limit(1);
  return row ?? null;
}
