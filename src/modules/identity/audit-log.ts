import { desc, eq } from "drizzle-orm";
import { auditLog } from "../../platform/audit/schema";
import type { Db } from "../../platform/db/client";
import { users } from "./schema";

/** The audit log, newest first, with who acted (optionally about one person). */
export async function auditEntries(
  db: Db,
  { personId, limit }: { personId?: string; limit: number },
) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: users.id,
      actorName: users.displayName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      personId: auditLog.personId,
      outcome: auditLog.outcome,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(personId ? eq(auditLog.personId, personId) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(({ actorId, actorName, ...e }) => ({
    ...e,
    actor: actorId ? { id: actorId, displayName: actorName ?? "" } : null,
  }));
}
