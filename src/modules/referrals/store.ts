import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/client";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { referrals, selfReferrals } from "./schema";

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

export type SelfReferral = typeof selfReferrals.$inferSelect;
type Prepared = Omit<typeof selfReferrals.$inferInsert, "id" | "receivedAt" | "referralId">;

/**
 * Keeps what someone prepared and sent without an account, and audits it as the public's.
 * Its own transaction: a public route opens none, and the form and its audit are one.
 */
export async function receiveSelfReferral(db: Db, prepared: Prepared) {
  const [locality] = await db
    .select()
    .from(localities)
    .where(eq(localities.id, prepared.localityId));
  if (!locality)
    throw invalid([{ path: "localityId", message: "Choose the area you live in from the list" }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(selfReferrals)
      .values(prepared)
      .returning({ id: selfReferrals.id });
    if (!row) throw new Problem(500, "Not sent", "Your form could not be saved. Please try again.");
    await recordAudit(tx, [
      {
        actorRole: "public",
        action: "create",
        resourceType: "self-referral",
        resourceId: row.id,
        outcome: "allowed",
      },
    ]);
    return row.id;
  });
}

/** Self-referrals not yet taken on, oldest first. */
export function openSelfReferrals(db: Db) {
  return db
    .select()
    .from(selfReferrals)
    .where(isNull(selfReferrals.referralId))
    .orderBy(asc(selfReferrals.receivedAt));
}

/** The self-referral, not yet taken on (a 404 or 409 problem otherwise). */
export async function openSelfReferral(db: Db, id: string): Promise<SelfReferral> {
  const [row] = await db.select().from(selfReferrals).where(eq(selfReferrals.id, id));
  if (!row) throw notFound("That self-referral");
  if (row.referralId) throw conflict("This self-referral has already been taken on.");
  return row;
}

/** Links the self-referral to the referral it became, once (a 409 problem if taken already). */
export async function takeOn(tx: Db, selfReferralId: string, referralId: string) {
  const taken = await tx
    .update(selfReferrals)
    .set({ referralId })
    .where(and(eq(selfReferrals.id, selfReferralId), isNull(selfReferrals.referralId)))
    .returning({ id: selfReferrals.id });
  if (taken.length === 0) throw conflict("This self-referral has already been taken on.");
}
