import { z } from "zod";
import type { Db } from "../../platform/db/client";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { isoDate, requiredText } from "../../platform/http/fields";
import { invalid, notFound } from "../../platform/http/problem";
import { impactCsv, simulateImpact } from "./impact";
import { validateRas } from "./ras";
import {
  draftRasVersion,
  findRasVersion,
  publishRasVersion,
  rasInForce,
  rasVersionList,
} from "./ras-store";
import {
  NewRasVersionReply,
  PublishedRas,
  RasImpact,
  RasPublication,
  RasVersions,
} from "./replies";
import { currentBudgetsWithRasInput } from "./store";

const key = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,60}$/, "Use lower-case letters, digits and dashes");
const Definition = z.object({
  careGroups: z.array(z.string().trim().min(1).max(60)).max(20),
  questions: z
    .array(
      z.object({
        key,
        label: requiredText("Give the question's wording", 300),
        answers: z
          .array(
            z.object({
              value: key,
              label: requiredText("Give the answer's wording", 300),
              points: z.number(),
            }),
          )
          .max(20),
      }),
    )
    .max(50),
  bands: z
    .array(
      z.object({
        fromPoints: z.number().int(),
        toPoints: z.number().int().nullable(),
        pencePerPoint: z.record(
          z.string(),
          z.number("Enter each rate as an amount of money, like 340.00"),
        ),
      }),
    )
    .max(20),
  adjustments: z
    .array(
      z.object({ key, label: requiredText("Name the adjustment", 200), basisPoints: z.number() }),
    )
    .max(20),
});
const NewVersion = z.object({
  name: requiredText("Name this version", 200),
  effectiveFrom: isoDate("Effective from"),
  definition: Definition,
});
const IdParams = z.object({ rasVersionId: z.uuid("That is not a RAS version's id") });

export function rasRoutes(app: App, deps: RouteDeps) {
  const tags = ["Resource Allocation System"];

  publicRoute(app, deps, {
    method: "GET",
    url: "/api/ras",
    schema: {
      tags,
      summary: "The RAS in force today, as published (public)",
      response: { 200: PublishedRas },
    },
    public: "the council's published method for indicative budgets: no one's record",
    run: async ({ db }) => {
      const row = await rasInForce(db);
      if (!row) throw notFound("A published Resource Allocation System");
      return {
        version: row.version,
        name: row.name,
        effectiveFrom: row.effectiveFrom,
        definition: row.definition,
      };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/ras-versions",
    schema: { tags, summary: "Every RAS version, newest first", response: { 200: RasVersions } },
    access: { action: "list", resource: "ras" },
    run: async ({ db }) => ({ versions: await rasVersionList(db) }),
  });

  command(app, deps, {
    method: "POST",
    url: "/api/ras-versions",
    schema: {
      tags,
      summary: "Draft a new RAS version (administrators); checked before it is saved",
      body: NewVersion,
      response: { 201: NewRasVersionReply },
    },
    access: { action: "create", resource: "ras" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const errors = validateRas(body.definition).map((e) => ({
        ...e,
        path: `definition.${e.path}`,
      }));
      if (errors.length > 0) throw invalid(errors);
      const created = await draftRasVersion(db, body, actor.userId);
      audit({ resourceId: created.id, detail: { version: created.version } });
      return { ...created, status: "draft" as const };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/ras-versions/:rasVersionId/publication",
    schema: {
      tags,
      summary: "Publish a draft RAS version: from then on it never changes",
      params: IdParams,
      response: { 200: RasPublication },
    },
    access: { action: "approve", resource: "ras" },
    guard: async ({ db, params }) => {
      const row = await findRasVersion(db, params.rasVersionId, true);
      if (row.status === "published") return `Version ${row.version} is already published.`;
      // A draft saved before its figures were checked as they are now: never in force.
      const wrong = validateRas(row.definition)[0];
      return wrong
        ? `Version ${row.version} cannot be published: ${wrong.message} (${wrong.path}). Draft a corrected version.`
        : null;
    },
    run: async ({ db, params, actor, audit }) => {
      const row = await findRasVersion(db, params.rasVersionId);
      await publishRasVersion(db, row.id, actor.userId);
      audit({ resourceId: row.id, detail: { version: row.version } });
      return { status: "published" as const, version: row.version };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/ras-versions/:rasVersionId/impact",
    schema: {
      tags,
      summary: "What this RAS version would do to every current budget (finance, commissioning)",
      params: IdParams,
      response: { 200: RasImpact },
    },
    access: { action: "read", resource: "ras-impact" },
    run: async ({ db, params, audit }) => {
      const { version, impact } = await impactOf(db, params.rasVersionId, audit);
      const { people: _, ...summary } = impact;
      return { version, ...summary };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/ras-versions/:rasVersionId/impact.csv",
    schema: { tags, summary: "The same impact as CSV", params: IdParams, produces: ["text/csv"] },
    access: { action: "read", resource: "ras-impact" },
    run: async ({ db, params, reply, audit }) => {
      const { version, impact } = await impactOf(db, params.rasVersionId, audit);
      reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="ras-v${version}-impact.csv"`);
      return impactCsv(impact);
    },
  });
}

/** A RAS version (draft or published) run over every current budget, and audited. */
async function impactOf(
  db: Db,
  rasVersionId: string,
  audit: (what: { resourceId: string; detail: Record<string, unknown> }) => void,
) {
  const row = await findRasVersion(db, rasVersionId);
  const impact = simulateImpact(row.definition, await currentBudgetsWithRasInput(db));
  audit({ resourceId: row.id, detail: { simulated: impact.overall.people } });
  return { version: row.version, impact };
}
