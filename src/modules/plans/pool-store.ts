import { asc, eq, inArray } from "drizzle-orm";
import { authorise, type Relationship } from "../../platform/authorisation/policy";
import type { Relationships } from "../../platform/authorisation/relationships";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import type { Actor } from "../../platform/http/actor";
import { annualCost, type LineCost } from "./costing";
import { versionsOf } from "./plan-store";
import { poolShareCosts } from "./pooling";
import { type PlanLine, poolMembers, supportPools } from "./schema";

/** Each pool's cost split between its members (in the order they joined): each member's share. */
export async function poolShares(db: Db, poolIds: string[]) {
  if (poolIds.length === 0) return new Map<string, Map<string, LineCost>>();
  const [pools, members] = await inTurn(
    () => db.select().from(supportPools).where(inArray(supportPools.id, poolIds)),
    () =>
      db
        .select()
        .from(poolMembers)
        .where(inArray(poolMembers.poolId, poolIds))
        .orderBy(asc(poolMembers.position)),
  );
  const shares = new Map<string, Map<string, LineCost>>();
  for (const pool of pools) {
    const inPool = members.filter((m) => m.poolId === pool.id);
    const split = poolShareCosts(
      pool.cost,
      inPool.map((m) => m.weight),
    );
    shares.set(pool.id, new Map(inPool.map((m, i) => [m.personId, split[i] as LineCost])));
  }
  return shares;
}

/**
 * The plan's lines as they cost the person: a pooled line costs the person's share of the pool.
 * The one place a share is resolved, for the plan view and the contracts alike.
 */
export async function costedLines(db: Db, personId: string, lines: PlanLine[]) {
  const shares = await poolShares(
    db,
    lines.flatMap((l) => (l.poolId ? [l.poolId] : [])),
  );
  return lines.map((l): PlanLine => {
    const share = l.poolId ? shares.get(l.poolId)?.get(personId) : undefined;
    return share === undefined ? l : { ...l, cost: share };
  });
}

/** The pools whose share of the person's approved plan the provider delivers, and so bills. */
export async function poolsBilledBy(db: Db, personId: string, providerId: string | null) {
  const [latest] = await versionsOf(db, personId);
  if (!providerId || latest?.decision?.decision !== "approved") return [];
  return latest.version.lines.flatMap((l) =>
    l.poolId && l.providerId === providerId ? [l.poolId] : [],
  );
}

/**
 * The person whose pools are read, as the reader stands to them. A provider stands only in the
 * pooled supports it delivers to the person, the shares it bills: as supporting them when there
 * are any, and those alone are shown (`billed`); anyone else stands as they do to the person.
 */
export async function poolReader(db: Db, actor: Actor, personId: string) {
  if (actor.role !== "provider-staff") return { personId, billed: null };
  const billed = await poolsBilledBy(db, personId, actor.providerId);
  const relationship: Relationship = billed.length ? "supporting-provider" : "none";
  return { personId, billed, relationship };
}

/**
 * How the actor stands to the members of a pool they would set up: they must stand in relation
 * to every member, not just one. The first member the policy refuses them (so the refusal names
 * that person), else the first member; one relationship, as the policy grants each role one.
 */
export async function standingToMembers(
  db: Db,
  relationships: Relationships,
  actor: Actor,
  members: readonly { personId: string }[],
) {
  let first: { personId: string; relationship: Relationship } | null = null;
  for (const { personId } of members) {
    const relationship = await relationships.to(db, actor, personId);
    const standing = { personId, relationship };
    const { allowed } = authorise({
      role: actor.role,
      relationship,
      action: "create",
      resource: "support-pool",
    });
    if (!allowed) return standing;
    first ??= standing;
  }
  return first ?? { personId: null, relationship: "none" as const };
}

/**
 * The pools a person is in, with their own share only: never who else is in it. `only`: just
 * these pools (a provider: those it bills).
 */
export async function poolsOf(db: Db, personId: string, only?: readonly string[] | null) {
  const inPools = await db
    .select({ id: supportPools.id, name: supportPools.name, description: supportPools.description })
    .from(poolMembers)
    .innerJoin(supportPools, eq(supportPools.id, poolMembers.poolId))
    .where(eq(poolMembers.personId, personId));
  const mine = only ? inPools.filter((p) => only.includes(p.id)) : inPools;
  const shares = await poolShares(
    db,
    mine.map((p) => p.id),
  );
  return mine.map((p) => {
    const share = shares.get(p.id)?.get(personId);
    return {
      ...p,
      members: shares.get(p.id)?.size ?? 0,
      yourSharePence: share ? annualCost(share) : 0,
      /** A one-off share is paid once, not every year. */
      oneOff: share?.type === "one-off",
    };
  });
}

export async function createPool(
  tx: Db,
  pool: { name: string; description: string; cost: LineCost },
  members: { personId: string; weight: number }[],
  createdBy: string,
) {
  const [row] = await tx
    .insert(supportPools)
    .values({ ...pool, createdBy })
    .returning({ id: supportPools.id });
  const poolId = (row as { id: string }).id;
  await tx
    .insert(poolMembers)
    .values(
      members.map((m, position) => ({ poolId, personId: m.personId, weight: m.weight, position })),
    );
  return poolId;
}
