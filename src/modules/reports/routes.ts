import { count, eq, sql } from "drizzle-orm";
import { requireAccess } from "../../platform/authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { budgetEntries } from "../budgets/schema";
import { STAGES, type Stage } from "../people/stage";
import { summarisePeople } from "../people/store";
import { supportPlans } from "../plans/schema";
import { providers } from "../providers/schema";

export function reportRoutes(app: App, { db }: RouteDeps) {
  app.get(
    "/api/reports/summary",
    {
      schema: {
        tags: ["Reports"],
        summary: "Aggregates for finance, commissioning and managers: no personal data",
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "read", resource: "report" });
      const everyone = await summarisePeople(db, sql`true`);
      const peopleByStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
      for (const person of everyone) peopleByStage[person.stage]++;
      const byOption = await db
        .select({ option: supportPlans.option, n: count() })
        .from(supportPlans)
        .where(eq(supportPlans.status, "active"))
        .groupBy(supportPlans.option);
      const [budget] = await db
        .select({ total: sql<string>`coalesce(sum(${budgetEntries.annualAmountPence}), 0)` })
        .from(supportPlans)
        .innerJoin(budgetEntries, eq(budgetEntries.id, supportPlans.budgetEntryId))
        .where(eq(supportPlans.status, "active"));
      const byKind = await db
        .select({ kind: providers.kind, n: count() })
        .from(providers)
        .groupBy(providers.kind);
      return {
        peopleByStage,
        plansByOption: {
          "1": 0,
          "2": 0,
          "3": 0,
          ...Object.fromEntries(byOption.map((r) => [r.option, r.n])),
        },
        activeAnnualBudgetPence: Number(budget?.total ?? 0),
        providersByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
        people: everyone.length,
      };
    },
  );
}
