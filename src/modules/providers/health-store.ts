import { asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { notFound } from "../../platform/http/problem";
import { type FinancialIndicators, financialHealth } from "./financial-health";
import { providerContingencyPlans, providerFinancialChecks, providers } from "./schema";

/** Providers with their financial health now (newest check), and their contingency plans. */
export async function providerHealth(db: Db, providerIds?: string[]) {
  const only = (column: Parameters<typeof inArray>[0]): SQL | undefined =>
    providerIds ? inArray(column, providerIds) : undefined;
  const [list, checks, plans] = await Promise.all([
    db
      .select({ id: providers.id, name: providers.name, kind: providers.kind })
      .from(providers)
      .where(only(providers.id))
      .orderBy(asc(providers.name)),
    db
      .selectDistinctOn([providerFinancialChecks.providerId])
      .from(providerFinancialChecks)
      .where(only(providerFinancialChecks.providerId))
      .orderBy(providerFinancialChecks.providerId, desc(providerFinancialChecks.recordedAt)),
    db
      .selectDistinctOn([providerContingencyPlans.providerId])
      .from(providerContingencyPlans)
      .where(only(providerContingencyPlans.providerId))
      .orderBy(providerContingencyPlans.providerId, desc(providerContingencyPlans.recordedAt)),
  ]);
  const today = new Date().toISOString().slice(0, 10);
  return list.map((p) => {
    const check = checks.find((c) => c.providerId === p.id);
    const plan = plans.find((c) => c.providerId === p.id);
    return {
      ...p,
      health: check
        ? financialHealth({ indicators: check, nextReviewDue: check.nextReviewDue }, today)
        : null,
      reviewedOn: check?.reviewedOn ?? null,
      nextReviewDue: check?.nextReviewDue ?? null,
      contingencyPlan: plan?.plan ?? null,
    };
  });
}

async function existingProvider(db: Db, providerId: string) {
  const [provider] = await db
    .select({ id: providers.id })
    .from(providers)
    .where(eq(providers.id, providerId));
  if (!provider) throw notFound("That provider");
  return provider;
}

/** Records a financial due-diligence check of a provider (404 for an unknown one); its id. */
export async function recordFinancialCheck(
  db: Db,
  providerId: string,
  check: FinancialIndicators & { reviewedOn: string; nextReviewDue: string },
  by: string,
) {
  const provider = await existingProvider(db, providerId);
  const [row] = await db
    .insert(providerFinancialChecks)
    .values({ ...check, providerId: provider.id, recordedBy: by })
    .returning({ id: providerFinancialChecks.id });
  return (row as { id: string }).id;
}

/** Records what the council will do if this provider fails (404 for an unknown provider). */
export async function recordContingencyPlan(db: Db, providerId: string, plan: string, by: string) {
  const provider = await existingProvider(db, providerId);
  await db
    .insert(providerContingencyPlans)
    .values({ providerId: provider.id, plan, recordedBy: by });
  return { providerId: provider.id };
}
