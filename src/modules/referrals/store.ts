import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { referrals } from "./schema";

export async function referralsFor(db: Db, personId: string) {
  const rows = await db
    .select({
      id: referrals.id,
      source: referrals.source,
      urgency: referrals.urgency,
      reason: referrals.reason,
      recordedAt: referrals.recordedAt,
      byId: users.id,
      byName: users.displayName,
    })
    .from(referrals)
    .innerJoin(users, eq(users.id, referrals.recordedBy))
    .where(eq(referrals.personId, personId))
    .orderBy(desc(referrals.recordedAt));
  return rows.map(({ byId, byName, ...r }) => ({
    ...r,
    recordedBy: { id: byId, displayName: byName },
  }));
}
