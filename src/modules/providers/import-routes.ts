import type { Readable } from "node:stream";
import { z } from "zod";
import { decodeText } from "../../platform/csv/decode";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { Problem } from "../../platform/http/problem";
import { requireAccess } from "../people/access";
import { importDatastore } from "./import-datastore";

const MAX_BYTES = 256 * 1024 * 1024;

export function careInspectorateRoutes(app: App, deps: RouteDeps) {
  // The datastore streams straight into the import, so memory stays flat however large it is.
  app.register(async (scope) => {
    scope.removeContentTypeParser("text/csv");
    scope.addContentTypeParser("text/csv", (_request, payload, done) => done(null, payload));
    importRoute(scope as App, deps);
  });
}

function importRoute(app: App, { db }: RouteDeps) {
  app.post(
    "/api/care-inspectorate/imports",
    {
      schema: {
        tags: ["Providers"],
        summary:
          "Import the Care Inspectorate datastore CSV, streamed (all or nothing; re-importing adds nothing)",
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
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== "function")
        throw new Problem(415, "Send CSV", "Send the datastore file as text/csv.");
      const result = await db.transaction(async (tx) => {
        const text = decodeText(body, MAX_BYTES);
        const imported = await importDatastore(tx, text, {
          fileName: request.query.fileName,
          importedBy: actor.userId,
        }).catch((error: unknown) => {
          if (error instanceof RangeError) throw new Problem(413, "File too large", error.message);
          throw error;
        });
        await access.record(tx, {
          resourceId: imported.importId,
          detail: { rows: imported.rows, added: imported.added },
        });
        return imported;
      });
      return reply.code(201).send(result);
    },
  );
}
