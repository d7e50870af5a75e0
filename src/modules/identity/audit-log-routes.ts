import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { auditEntries } from "./audit-log";
import { AuditEntries } from "./replies";

const AuditQuery = z.object({
  personId: z.uuid("That is not a person's id").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function auditRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/audit",
    schema: {
      tags: ["Audit"],
      summary: "The audit log, newest first (administrators)",
      querystring: AuditQuery,
      response: { 200: AuditEntries },
    },
    access: { action: "read", resource: "audit-log" },
    run: async ({ db, query }) => ({ entries: await auditEntries(db, query) }),
  });
}
