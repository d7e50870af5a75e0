import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "../identity/schema";
import { providers } from "../providers/schema";
import { planEvents, supportPlans } from "./schema";

export async function latestPlan(db: Db, personId: string) {
  const [row] = await db
    .select({
      id: supportPlans.id,
      option: supportPlans.option,
      status: supportPlans.status,
      startDate: supportPlans.startDate,
      committedHoursPerWeek: supportPlans.committedHoursPerWeek,
      choiceReason: supportPlans.choiceReason,
      providerId: providers.id,
      providerName: providers.name,
    })
    .from(supportPlans)
    .leftJoin(providers, eq(providers.id, supportPlans.providerId))
    .where(eq(supportPlans.personId, personId))
    .orderBy(desc(supportPlans.createdAt))
    .limit(1);
  if (!row) return null;
  const events = await db
    .select({
      event: planEvents.event,
      note: planEvents.note,
      at: planEvents.at,
      id: users.id,
      name: users.displayName,
    })
    .from(planEvents)
    .innerJoin(users, eq(users.id, planEvents.actorId))
    .where(eq(planEvents.planId, row.id))
    .orderBy(asc(planEvents.at), asc(planEvents.id));
  const { providerId, providerName, ...plan } = row;
  return {
    ...plan,
    provider: providerId ? { id: providerId, name: providerName ?? "" } : null,
    events: events.map(({ id, name, ...e }) => ({ ...e, actor: { id, displayName: name } })),
  };
}
