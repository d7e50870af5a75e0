import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import type { Db } from "../../platform/db/client";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { Problem } from "../../platform/http/problem";
import { decodeDatastore, parseDatastore, type RegisteredService } from "./care-inspectorate";
import { careInspectorateGradings, careInspectorateImports } from "./schema";

const BATCH = 1000;

/** Adds the gradings not already held, and brings matched providers' grades up to date. */
async function importServices(tx: Db, importId: string, services: RegisteredService[]) {
  let added = 0;
  for (let i = 0; i < services.length; i += BATCH) {
    const rows = await tx
      .insert(careInspectorateGradings)
      .values(
        services.slice(i, i + BATCH).map((s) => ({
          csNumber: s.csNumber,
          serviceName: s.serviceName,
          providerName: s.providerName,
          careService: s.careService,
          councilArea: s.councilArea,
          status: s.status,
          registeredPlaces: s.registeredPlaces,
          gradedOn: s.gradedOn ?? "",
          minGrade: s.minGrade,
          grades: s.grades,
          importId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: careInspectorateGradings.id });
    added += rows.length;
  }
  const matched = await tx.execute(sql`
    update providers p set min_grade = latest.min_grade
    from (select distinct on (cs_number) cs_number, min_grade from care_inspectorate_gradings
          order by cs_number, graded_on desc) latest
    where p.care_inspectorate_number = latest.cs_number
    returning p.id`);
  return { added, matchedProviders: (matched as unknown as { rows: unknown[] }).rows.length };
}

export function careInspectorateRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/care-inspectorate/imports",
    {
      bodyLimit: 64 * 1024 * 1024,
      schema: {
        tags: ["Providers"],
        summary:
          "Import the Care Inspectorate datastore CSV (all or nothing; re-importing adds nothing)",
        consumes: ["text/csv"],
        querystring: z.object({ fileName: z.string().max(200).default("datastore.csv") }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "care-inspectorate-import",
      });
      if (!Buffer.isBuffer(request.body))
        throw new Problem(415, "Send CSV", "Send the datastore file as text/csv.");
      const { services, errors } = parseDatastore(decodeDatastore(request.body));
      if (errors.length > 0) {
        throw new Problem(
          400,
          "Rows that cannot be read",
          `${errors.length} row(s) cannot be read, so nothing was imported. Correct them and import the file again.`,
          errors.slice(0, 200).map((e) => ({ path: `line.${e.line}`, message: e.message })),
        );
      }
      const result = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(careInspectorateImports)
          .values({
            fileName: request.query.fileName,
            rows: services.length,
            added: 0,
            importedBy: actor.userId,
          })
          .returning({ id: careInspectorateImports.id });
        if (!row) throw new Problem(500, "Not imported", "The import could not be recorded.");
        const { added, matchedProviders } = await importServices(tx, row.id, services);
        await tx
          .update(careInspectorateImports)
          .set({ added })
          .where(eq(careInspectorateImports.id, row.id));
        await access.record(tx, { resourceId: row.id, detail: { rows: services.length, added } });
        return {
          importId: row.id,
          rows: services.length,
          added,
          unchanged: services.length - added,
          matchedProviders,
        };
      });
      return reply.code(201).send(result);
    },
  );
}
