import type { Db } from "../db/client";
import { auditLog } from "./schema";

export type AuditEntry = typeof auditLog.$inferInsert;

/** Appends entries to the audit log, in one statement (the caller's transaction if given). */
export async function recordAudit(db: Pick<Db, "insert">, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries);
}
