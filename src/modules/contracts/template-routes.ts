import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { invalid } from "../../platform/http/problem";
import { requireAccess } from "../people/access";
import { contractTemplates } from "./schema";
import { currentTemplate } from "./store";
import { CLAUSE_TOPICS, templateProblems } from "./template";
import { CONTRACT_KINDS } from "./terms";

const Template = z.object({
  title: z.string().trim().min(1, "Give the agreement a title").max(200),
  clauses: z
    .array(
      z.object({
        topic: z.enum(CLAUSE_TOPICS, "Choose what the clause is about from the list"),
        heading: z.string().trim().min(1, "Give the clause a heading").max(200),
        text: z.string().trim().min(1, "Write the clause").max(8000),
        easyRead: z.array(z.string().trim().min(1).max(300)).max(12),
      }),
    )
    .max(30),
});

/** The council's own contract templates: each edit a new version, checked before use. */
export function templateRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Contracts"];

  app.get(
    "/api/contract-templates",
    { schema: { tags, summary: "The templates in use, one for each kind" } },
    async (request) => {
      await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "contract-template",
      });
      return {
        templates: await Promise.all(
          CONTRACT_KINDS.map(async (kind) => {
            const t = await currentTemplate(db, kind);
            return { kind, id: t.id, isDefault: t.id === null, template: t.template };
          }),
        ),
      };
    },
  );

  app.put(
    "/api/contract-templates/:kind",
    {
      schema: {
        tags,
        summary:
          "Publish a new version of a template (all clauses present, plain words, no risk shifting)",
        params: z.object({ kind: z.enum(CONTRACT_KINDS, "Choose a kind of agreement") }),
        body: Template,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "contract-template",
      });
      const template = { kind: request.params.kind, ...request.body };
      const problems = templateProblems(template);
      if (problems.length) throw invalid(problems);
      const [row] = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(contractTemplates)
          .values({ kind: template.kind, template, createdBy: actor.userId })
          .returning({ id: contractTemplates.id });
        await access.record(tx, { resourceId: rows[0]?.id, detail: { kind: template.kind } });
        return rows;
      });
      return reply.code(201).send({ templateId: row?.id });
    },
  );
}
