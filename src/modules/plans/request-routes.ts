import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { conflict, invalid } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { requireAccess } from "../people/access";
import { lockPerson } from "../people/store";
import { providers } from "../providers/schema";
import { versionsOf } from "./plan-store";
import { planEvents, supportPlans } from "./schema";

const Requests = z.object({
  lineId: z.uuid("Choose a support from the plan"),
  providerIds: z
    .array(z.uuid("Choose providers from the directory"))
    .min(1, "Choose at least one provider")
    .max(5, "Ask at most five providers at once")
    .refine((ids) => new Set(ids).size === ids.length, "Each provider once"),
  note: z.string().trim().max(2000).default(""),
});

/** Asking providers to take on a support in the plan; off-framework choices are kept, flagged. */
export function providerRequestRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Support plans"];

  app.post(
    "/api/people/:personId/plan/requests",
    {
      schema: {
        tags,
        summary: "Send a support in the plan to one or more providers to accept or decline",
        params: PersonParams,
        body: Requests,
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "choose",
        resource: "support-plan",
        personId,
      });
      const { lineId, providerIds, note } = request.body;
      const chosen = await db
        .select({ id: providers.id, onFramework: providers.onFramework })
        .from(providers)
        .where(inArray(providers.id, providerIds));
      const unknown = providerIds.flatMap((id, i) =>
        chosen.some((p) => p.id === id)
          ? []
          : [{ path: `providerIds.${i}`, message: "No such provider" }],
      );
      if (unknown.length) throw invalid(unknown);
      const sent = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const [latest] = await versionsOf(tx, personId);
        const line = latest?.version.lines.find((l) => l.id === lineId);
        if (!latest || !line)
          throw invalid([{ path: "lineId", message: "That support is not in the plan" }]);
        const open = await tx
          .select({ providerId: supportPlans.providerId })
          .from(supportPlans)
          .where(
            and(
              eq(supportPlans.planLineId, lineId),
              inArray(supportPlans.status, ["awaiting-provider", "active"]),
            ),
          );
        const again = providerIds.filter((id) => open.some((o) => o.providerId === id));
        if (again.length)
          throw conflict("A provider already has this request, or has taken it on.");
        const rows = await tx
          .insert(supportPlans)
          .values(
            providerIds.map((providerId) => ({
              personId,
              budgetEntryId: latest.version.budgetEntryId,
              option: line.option,
              providerId,
              status: "awaiting-provider" as const,
              chosenBy: actor.userId,
              choiceReason: note,
              planLineId: lineId,
              offFramework: !chosen.find((p) => p.id === providerId)?.onFramework,
            })),
          )
          .returning({ id: supportPlans.id, offFramework: supportPlans.offFramework });
        await tx.insert(planEvents).values(
          rows.map((r) => ({
            planId: r.id,
            event: "chosen" as const,
            note: line.description,
            actorId: actor.userId,
          })),
        );
        await access.record(tx, { resourceId: lineId, detail: { providers: providerIds.length } });
        return rows;
      });
      return reply.code(201).send({ requests: sent });
    },
  );

  app.get(
    "/api/market/off-framework-choices",
    {
      schema: {
        tags: ["Providers"],
        summary: "Providers people chose that are not on the framework: for procurement to add",
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "read", resource: "procurement" });
      const rows = await db
        .select({
          providerId: providers.id,
          name: providers.name,
          kind: providers.kind,
          people: sql<number>`count(distinct ${supportPlans.personId})::int`,
          firstChosenAt: sql<string>`min(${supportPlans.createdAt})`,
        })
        .from(supportPlans)
        .innerJoin(providers, eq(providers.id, supportPlans.providerId))
        .where(and(eq(supportPlans.offFramework, true), eq(providers.onFramework, false)))
        .groupBy(providers.id, providers.name, providers.kind)
        .orderBy(sql`count(distinct ${supportPlans.personId}) desc`, providers.name);
      return { providers: rows };
    },
  );
}
