import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import { annualCost, type LineCost } from "./costing";
import { splitCost } from "./pooling";
import { poolMembers, supportPools } from "./schema";

/** Each pool's annual cost split between its members, in the order they joined. */
export async function poolShares(db: Db, poolIds: string[]) {
  if (poolIds.length === 0) return new Map<string, Map<string, number>>();
  const [pools, members] = await inTurn(
    () => db.select().from(supportPools).where(inArray(supportPools.id, poolIds)),
    () =>
      db
        .select()
        .from(poolMembers)
        .where(inArray(poolMembers.poolId, poolIds))
        .orderBy(asc(poolMembers.position)),
  );
  const shares = new Map<string, Map<string, number>>();
  for (const pool of pools) {
    const inPool = members.filter((m) => m.poolId === pool.id);
    const split = splitCost(
      annualCost(pool.cost),
      inPool.map((m) => m.weight),
    );
    shares.set(pool.id, new Map(inPool.map((m, i) => [m.personId, split[i] as number])));
  }
  return shares;
}

/** The pools a person is in, with their own share only: never who else is in it. */
export async function poolsOf(db: Db, personId: string) {
  const mine = await db
    .select({ id: supportPools.id, name: supportPools.name, description: supportPools.description })
    .from(poolMembers)
    .innerJoin(supportPools, eq(supportPools.id, poolMembers.poolId))
    .where(eq(poolMembers.personId, personId));
  const shares = await poolShares(
    db,
    mine.map((p) => p.id),
  );
  return mine.map((p) => ({
    ...p,
    members: shares.get(p.id)?.size ?? 0,
    yourAnnualSharePence: shares.get(p.id)?.get(personId) ?? 0,
  }));
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
