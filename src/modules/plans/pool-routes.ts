import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import { PersonParams } from "../assessment/routes";
import { CostInput } from "./plan-fields";
import { toCost } from "./plan-store";
import { createPool, poolReader, poolsOf, standingToMembers } from "./pool-store";
import { PoolCreated, Pools } from "./replies";

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
export function poolRoutes(app: App, deps: RouteDeps) {
  const tags = ["Support plans"];

  command(app, deps, {
    method: "POST",
    url: "/api/support-pools",
    schema: {
      tags,
      summary: "Set up support that several people share the cost of",
      body: PoolInput,
      response: { 201: PoolCreated },
    },
    access: { action: "create", resource: "support-pool" },
    // The worker must stand in relation to every member, not just one.
    find: ({ db, actor, body }) => standingToMembers(db, deps.relationships, actor, body.members),
    status: 201,
    run: async ({ db, body, actor, shown }) => {
      const { members, cost, ...pool } = body;
      const poolId = await createPool(db, { ...pool, cost: toCost(cost) }, members, actor.userId);
      // One audit entry for each member, whose record the pool now touches.
      shown(members.map((m) => ({ resourceId: poolId, personId: m.personId })));
      return { poolId };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/pools",
    schema: {
      tags,
      summary:
        "The shared supports the person is in, with their own share only (a provider: those it delivers)",
      params: PersonParams,
      response: { 200: Pools },
    },
    access: { action: "read", resource: "support-pool" },
    find: ({ db, actor, params }) => poolReader(db, actor, params.personId),
    run: async ({ db, found, audit }) => {
      const pools = await poolsOf(db, found.personId, found.billed);
      audit({ detail: { pools: pools.length } });
      return { pools };
    },
  });
}
