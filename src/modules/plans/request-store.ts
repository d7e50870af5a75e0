import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, invalid } from "../../platform/http/problem";
import { providers } from "../providers/schema";
import { versionsOf } from "./plan-store";
import { planEvents, providerRequests } from "./schema";

/**
 * Sends a support in the plan to one or more providers to accept or decline (the person
 * locked): never again to a provider who has it already; off-framework choices are kept, flagged.
 */
export async function sendRequests(
  tx: Db,
  personId: string,
  r: { lineId: string; providerIds: string[]; note: string; shareOutcomes: boolean },
  chosenBy: string,
) {
  const { lineId, providerIds, note, shareOutcomes } = r;
  const chosen = await tx
    .select({ id: providers.id, onFramework: providers.onFramework })
    .from(providers)
    .where(inArray(providers.id, providerIds));
  const unknown = providerIds.flatMap((id, i) =>
    chosen.some((p) => p.id === id)
      ? []
      : [{ path: `providerIds.${i}`, message: "No such provider" }],
  );
  if (unknown.length) throw invalid(unknown);
  const [latest] = await versionsOf(tx, personId);
  const line = latest?.version.lines.find((l) => l.id === lineId);
  if (!latest || !line)
    throw invalid([{ path: "lineId", message: "That support is not in the plan" }]);
  const open = await tx
    .select({ providerId: providerRequests.providerId })
    .from(providerRequests)
    .where(
      and(
        eq(providerRequests.planLineId, lineId),
        inArray(providerRequests.status, ["awaiting-provider", "active"]),
      ),
    );
  const again = providerIds.filter((id) => open.some((o) => o.providerId === id));
  if (again.length) throw conflict("A provider already has this request, or has taken it on.");
  const rows = await tx
    .insert(providerRequests)
    .values(
      providerIds.map((providerId) => ({
        personId,
        budgetEntryId: latest.version.budgetEntryId,
        option: line.option,
        providerId,
        status: "awaiting-provider" as const,
        chosenBy,
        choiceReason: note,
        planLineId: lineId,
        offFramework: !chosen.find((p) => p.id === providerId)?.onFramework,
        shareOutcomes,
      })),
    )
    .returning({ id: providerRequests.id, offFramework: providerRequests.offFramework });
  await tx.insert(planEvents).values(
    rows.map((row) => ({
      planId: row.id,
      event: "chosen" as const,
      note: line.description,
      actorId: chosenBy,
    })),
  );
  return rows;
}

/** Providers people chose that are not on the framework, most chosen first: for procurement. */
export function offFrameworkChoices(db: Db) {
  return db
    .select({
      providerId: providers.id,
      name: providers.name,
      kind: providers.kind,
      people: sql<number>`count(distinct ${providerRequests.personId})::int`,
      firstChosenAt: sql<string>`min(${providerRequests.createdAt})`,
    })
    .from(providerRequests)
    .innerJoin(providers, eq(providers.id, providerRequests.providerId))
    .where(and(eq(providerRequests.offFramework, true), eq(providers.onFramework, false)))
    .groupBy(providers.id, providers.name, providers.kind)
    .orderBy(sql`count(distinct ${providerRequests.personId}) desc`, providers.name);
}
