import { desc, eq, max } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { isoDate, requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { requireAccess } from "../people/access";
import { impactCsv, simulateImpact } from "./impact";
import { validateRas } from "./ras";
import { rasInForce } from "./ras-store";
import { rasVersions } from "./schema";
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

export function rasRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Resource Allocation System"];

  app.get(
    "/api/ras",
    { schema: { tags, summary: "The RAS in force today, as published (public)" } },
    async () => {
      const row = await rasInForce(db);
      if (!row) throw notFound("A published Resource Allocation System");
      return {
        version: row.version,
        name: row.name,
        effectiveFrom: row.effectiveFrom,
        definition: row.definition,
      };
    },
  );

  app.get(
    "/api/ras-versions",
    { schema: { tags, summary: "Every RAS version, newest first" } },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "list", resource: "ras" });
      const rows = await db
        .select({
          id: rasVersions.id,
          version: rasVersions.version,
          name: rasVersions.name,
          status: rasVersions.status,
          effectiveFrom: rasVersions.effectiveFrom,
          publishedAt: rasVersions.publishedAt,
        })
        .from(rasVersions)
        .orderBy(desc(rasVersions.version));
      return { versions: rows };
    },
  );

  app.post(
    "/api/ras-versions",
    {
      schema: {
        tags,
        summary: "Draft a new RAS version (administrators); checked before it is saved",
        body: NewVersion,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "ras" });
      const { definition } = request.body;
      const errors = validateRas(definition).map((e) => ({ ...e, path: `definition.${e.path}` }));
      if (errors.length > 0) throw invalid(errors);
      const row = await db.transaction(async (tx) => {
        const [{ latest } = { latest: 0 }] = await tx
          .select({ latest: max(rasVersions.version) })
          .from(rasVersions);
        const [created] = await tx
          .insert(rasVersions)
          .values({ ...request.body, version: (latest ?? 0) + 1, createdBy: actor.userId })
          .returning({ id: rasVersions.id, version: rasVersions.version });
        if (!created) throw new Problem(500, "Not saved", "The RAS version could not be saved.");
        await access.record(tx, { resourceId: created.id, detail: { version: created.version } });
        return created;
      });
      return reply.code(201).send({ ...row, status: "draft" });
    },
  );

  app.post(
    "/api/ras-versions/:rasVersionId/publication",
    {
      schema: {
        tags,
        summary: "Publish a draft RAS version: from then on it never changes",
        params: IdParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "approve", resource: "ras" });
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(rasVersions)
          .where(eq(rasVersions.id, request.params.rasVersionId))
          .for("update");
        if (!row) throw notFound("That RAS version");
        if (row.status === "published")
          throw conflict(`Version ${row.version} is already published.`);
        await tx
          .update(rasVersions)
          .set({
            status: "published",
            publishedBy: actor.userId,
            publishedAt: new Date().toISOString(),
          })
          .where(eq(rasVersions.id, row.id));
        await access.record(tx, { resourceId: row.id, detail: { version: row.version } });
        return { status: "published", version: row.version };
      });
    },
  );

  /** Runs a RAS version (draft or published) over every current budget. */
  async function impactOf(actor: Actor, rasVersionId: string) {
    const access = await requireAccess(db, actor, { action: "read", resource: "ras-impact" });
    const [row] = await db.select().from(rasVersions).where(eq(rasVersions.id, rasVersionId));
    if (!row) throw notFound("That RAS version");
    const impact = simulateImpact(row.definition, await currentBudgetsWithRasInput(db));
    await access.record(db, { resourceId: row.id, detail: { simulated: impact.overall.people } });
    return { version: row.version, impact };
  }

  app.get(
    "/api/ras-versions/:rasVersionId/impact",
    {
      schema: {
        tags,
        summary: "What this RAS version would do to every current budget (finance, commissioning)",
        params: IdParams,
      },
    },
    async (request) => {
      const { version, impact } = await impactOf(
        requireActor(request),
        request.params.rasVersionId,
      );
      const { people: _, ...summary } = impact;
      return { version, ...summary };
    },
  );

  app.get(
    "/api/ras-versions/:rasVersionId/impact.csv",
    {
      schema: { tags, summary: "The same impact as CSV", params: IdParams, produces: ["text/csv"] },
    },
    async (request, reply) => {
      const { version, impact } = await impactOf(
        requireActor(request),
        request.params.rasVersionId,
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="ras-v${version}-impact.csv"`)
        .send(impactCsv(impact));
    },
  );
}
