import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "../../modules/identity/schema";
import { requireAccess } from "../authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../http/app";
import { auditLog } from "./schema";

const AuditQuery = z.object({
  personId: z.uuid("That is not a person's id").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function auditRoutes(app: App, { db }: RouteDeps) {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["Audit"],
        summary: "The audit log, newest first (administrators)",
        querystring: AuditQuery,
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "read", resource: "audit-log" });
      const { personId, limit } = request.query;
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
      return {
        entries: rows.map(({ actorId, actorName, ...e }) => ({
          ...e,
          actor: actorId ? { id: actorId, displayName: actorName ?? "" } : null,
        })),
      };
    },
  );
}
