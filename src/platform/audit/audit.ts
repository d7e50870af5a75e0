import type { Db } from "../db/client";
import type { Actor } from "../http/actor";
import { auditLog } from "./schema";

export type AuditEntry = typeof auditLog.$inferInsert;

/** Appends entries to the audit log, in one statement (the caller's transaction if given). */
export async function recordAudit(db: Pick<Db, "insert">, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries);
}

/** Audits a listing (or a match): one entry for each person whose data the actor was shown. */
export function recordListing(
  db: Pick<Db, "insert">,
  actor: Actor,
  resourceType: string,
  shown: { resourceId: string; personId: string }[],
  detail?: Record<string, unknown>,
  action = "list",
): Promise<void> {
  return recordAudit(
    db,
    shown.map(({ resourceId, personId }) => ({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action,
      resourceType,
      resourceId,
      personId,
      outcome: "allowed" as const,
      detail,
    })),
  );
}
