import { z } from "zod";
import { renderPdf } from "../../platform/documents/pdf";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { PersonParams } from "../assessment/routes";
import { requireAccess } from "../people/access";
import { Period } from "./returns";
import { printableStatement, statementsOf } from "./statement-store";

const tags = ["Money"];
const _ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });

export function statementRoutes(app: App, { db }: RouteDeps) {
  app.get(
    "/api/people/:personId/statements/:period",
    {
      schema: {
        tags,
        summary: "The person's statement for a month: in, out on what, left, for each fund",
        params: PersonParams.extend({ period: Period }),
      },
    },
    async (request) => {
      const { personId, period } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "read",
        resource: "statement",
        personId,
      });
      const statements = await statementsOf(db, personId, period, actor);
      await access.record(db, { detail: { period, funds: statements.length } });
      return { period, statements };
    },
  );

  app.get(
    "/api/people/:personId/statements/:period/statement.pdf",
    {
      schema: {
        tags,
        summary: "The month's statement as a PDF, in full or easy read (large type)",
        params: PersonParams.extend({ period: Period }),
        querystring: z.object({ format: z.enum(["full", "easy-read"]).default("full") }),
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { personId, period } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "read",
        resource: "statement",
        personId,
      });
      const statements = await statementsOf(db, personId, period, actor);
      const easy = request.query.format === "easy-read";
      const pdf = await renderPdf(
        printableStatement(period, statements, easy),
        easy ? "large" : "standard",
      );
      await access.record(db, { detail: { period, document: request.query.format } });
      return reply.type("application/pdf").send(pdf);
    },
  );
}
