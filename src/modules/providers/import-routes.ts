import type { Readable } from "node:stream";
import { z } from "zod";
import { decodeText } from "../../platform/csv/decode";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { Problem } from "../../platform/http/problem";
import { importDatastore } from "./import-datastore";
import { DatastoreImported } from "./replies";

const MAX_BYTES = 256 * 1024 * 1024;

export function careInspectorateRoutes(app: App, deps: RouteDeps) {
  // The datastore streams straight into the import, so memory stays flat however large it is.
  app.register(async (scope) => {
    scope.removeContentTypeParser("text/csv");
    scope.addContentTypeParser("text/csv", (_request, payload, done) => done(null, payload));
    importRoute(scope as App, deps);
  });
}

function importRoute(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/care-inspectorate/imports",
    schema: {
      tags: ["Providers"],
      summary:
        "Import the Care Inspectorate datastore CSV, streamed (all or nothing; re-importing adds nothing)",
      consumes: ["text/csv"],
      querystring: z.object({ fileName: z.string().max(200).default("datastore.csv") }),
      response: { 201: DatastoreImported },
    },
    access: { action: "create", resource: "care-inspectorate-import" },
    status: 201,
    // All or nothing: the whole import is the one transaction command() opens.
    run: async ({ db, request, query, actor, audit }) => {
      const body = request.body as Readable | undefined;
      if (!body || typeof body.pipe !== "function")
        throw new Problem(415, "Send CSV", "Send the datastore file as text/csv.");
      const imported = await importDatastore(db, decodeText(body, MAX_BYTES), {
        fileName: query.fileName,
        importedBy: actor.userId,
      }).catch((error: unknown) => {
        if (error instanceof RangeError) throw new Problem(413, "File too large", error.message);
        throw error;
      });
      audit({
        resourceId: imported.importId,
        detail: { rows: imported.rows, added: imported.added },
      });
      return imported;
    },
  });
}
