import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { invalid } from "../../platform/http/problem";
import { TemplatePublished, TemplatesInUse } from "./replies";
import { currentTemplates, publishTemplate } from "./store";
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
export function templateRoutes(app: App, deps: RouteDeps) {
  const tags = ["Contracts"];

  command(app, deps, {
    method: "GET",
    url: "/api/contract-templates",
    schema: {
      tags,
      summary: "The templates in use, one for each kind",
      response: { 200: TemplatesInUse },
    },
    access: { action: "read", resource: "contract-template" },
    run: async ({ db }) => ({ templates: await currentTemplates(db) }),
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/contract-templates/:kind",
    schema: {
      tags,
      summary:
        "Publish a new version of a template (all clauses present, plain words, no risk shifting)",
      params: z.object({ kind: z.enum(CONTRACT_KINDS, "Choose a kind of agreement") }),
      body: Template,
      response: { 201: TemplatePublished },
    },
    access: { action: "create", resource: "contract-template" },
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const template = { kind: params.kind, ...body };
      const problems = templateProblems(template);
      if (problems.length) throw invalid(problems);
      const row = await publishTemplate(db, template, actor.userId);
      audit({ resourceId: row.id, detail: { kind: template.kind } });
      return { templateId: row.id };
    },
  });
}
