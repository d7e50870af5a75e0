import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { PersonParams } from "../assessment/routes";
import { Statements } from "./replies";
import { Period } from "./returns";
import { statementPdf, statementsOf } from "./statement-store";

const tags = ["Money"];

export function statementRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/statements/:period",
    schema: {
      tags,
      summary: "The person's statement for a month: in, out on what, left, for each fund",
      params: PersonParams.extend({ period: Period }),
      response: { 200: Statements },
    },
    access: { action: "read", resource: "statement" },
    find: ({ params }) => ({ personId: params.personId }),
    run: async ({ db, params: { personId, period }, actor, audit }): Promise<Statements> => {
      const statements = await statementsOf(db, personId, period, actor);
      audit({ detail: { period, funds: statements.length } });
      return { period, statements };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/statements/:period/statement.pdf",
    schema: {
      tags,
      summary: "The month's statement as a PDF, in full or easy read (large type)",
      params: PersonParams.extend({ period: Period }),
      querystring: z.object({ format: z.enum(["full", "easy-read"]).default("full") }),
      produces: ["application/pdf"],
    },
    access: { action: "read", resource: "statement" },
    find: ({ params }) => ({ personId: params.personId }),
    run: async ({ db, params: { personId, period }, query, actor, reply, audit }) => {
      const pdf = await statementPdf(db, personId, period, actor, query.format === "easy-read");
      audit({ detail: { period, document: query.format } });
      reply.type("application/pdf");
      return pdf;
    },
  });
}
