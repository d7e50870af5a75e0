import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { eligibilityDecisions } from "./schema";

export async function latestDecision(db: Db, personId: string) {
  const [row] = await db
    .select({
      id: eligibilityDecisions.id,
      riskLevel: eligibilityDecisions.riskLevel,
      eligible: eligibilityDecisions.eligible,
      reasons: eligibilityDecisions.reasons,
      decidedAt: eligibilityDecisions.decidedAt,
      byId: users.id,
      byName: users.displayName,
    })
    .from(eligibilityDecisions)
    .innerJoin(users, eq(users.id, eligibilityDecisions.decidedBy))
    .where(eq(eligibilityDecisions.personId, personId))
    .orderBy(desc(eligibilityDecisions.decidedAt))
    .limit(1);
  if (!row) return null;
  const { byId, byName, ...decision } = row;
  return { ...decision, decidedBy: { id: byId, displayName: byName } };
}
