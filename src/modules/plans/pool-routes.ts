import { z } from "zod";
import type { Access } from "../../platform/authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { PersonParams } from "../assessment/routes";
import { requireAccess } from "../people/access";
import { CostInput } from "./plan-fields";
import { toCost } from "./plan-store";
import { createPool, poolsBilledBy, poolsOf } from "./pool-store";

const PoolInput = z.object({
  name: requiredText("Name the shared support", 200),
  description: requiredText("Describe the shared support", 2000),
  cost: CostInput,
  members: z
    .array(
      z.object({
        personId: z.uuid("Choose each person from the list"),
        weight: z.number().int("A share is a whole number").min(1).max(100).default(1),
      }),
    )
    .min(2, "A shared support needs at least two people")
    .max(20)
    .refine((m) => new Set(m.map((x) => x.personId)).size === m.length, "Each person once"),
});

/** Pooled support: people agree to share the cost of support, each seeing only their share. */
export function poolRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Support plans"];

  app.post(
    "/api/support-pools",
    {
      schema: {
        tags,
        summary: "Set up support that several people share the cost of",
        body: PoolInput,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { members, cost, ...pool } = request.body;
      // The worker must stand in relation to every member, not just one.
      const grants: Access[] = [];
      for (const m of members) {
        grants.push(
          await requireAccess(db, actor, {
            action: "create",
            resource: "support-pool",
            personId: m.personId,
          }),
        );
      }
      const poolId = await db.transaction(async (tx) => {
        const id = await createPool(tx, { ...pool, cost: toCost(cost) }, members, actor.userId);
        for (const [i, grant] of grants.entries())
          await grant.record(tx, { resourceId: id, personId: members[i]?.personId });
        return id;
      });
      return reply.code(201).send({ poolId });
    },
  );

  app.get(
    "/api/people/:personId/pools",
    {
      schema: {
        tags,
        summary:
          "The shared supports the person is in, with their own share only (a provider: those it delivers)",
        params: PersonParams,
      },
    },
    async (request) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      // A provider reads only the pooled supports it delivers to the person: the shares it bills.
      const billed =
        actor.role === "provider-staff"
          ? await poolsBilledBy(db, personId, actor.providerId)
          : null;
      const access = await requireAccess(db, actor, {
        action: "read",
        resource: "support-pool",
        personId,
        ...(billed && { relationship: billed.length ? "supporting-provider" : "none" }),
      });
      const pools = (await poolsOf(db, personId)).filter((p) => !billed || billed.includes(p.id));
      await access.record(db, { detail: { pools: pools.length } });
      return { pools };
    },
  );
}
