import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, invalid, Problem } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { latestDecision } from "../eligibility/store";
import { journeyFactsOf, lockPerson } from "../people/store";
import { parseBudgetAmount } from "./money";
import { cannotSetBudget } from "./rules";
import { budgetEntries } from "./schema";

const NewBudget = z.object({
  annualAmount: z.string().max(30).describe('Pounds a year, as typed: "10400" or "10,400.00"'),
  reason: requiredText("Give the reason for this amount"),
});

export function budgetRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/people/:personId/budgets",
    {
      schema: {
        tags: ["Budgets"],
        summary: "Set the person's annual budget (a new entry in its append-only history)",
        params: PersonParams,
        body: NewBudget,
        response: { 201: z.object({ id: z.uuid(), annualAmountPence: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "budget",
        personId,
      });
      const amount = parseBudgetAmount(request.body.annualAmount, "annualAmount");
      if ("path" in amount) throw invalid([amount]);
      const id = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const blocked = cannotSetBudget(await journeyFactsOf(tx, personId));
        if (blocked) throw conflict(blocked);
        const decision = await latestDecision(tx, personId);
        if (!decision) throw conflict("Set a budget only after the person is found eligible.");
        const [row] = await tx
          .insert(budgetEntries)
          .values({
            personId,
            eligibilityDecisionId: decision.id,
            annualAmountPence: amount.pence,
            reason: request.body.reason,
            setBy: actor.userId,
          })
          .returning({ id: budgetEntries.id });
        if (!row) throw new Problem(500, "Not saved", "The budget could not be saved.");
        await access.record(tx, {
          resourceId: row.id,
          detail: { annualAmountPence: amount.pence },
        });
        return row.id;
      });
      return reply.code(201).send({ id, annualAmountPence: amount.pence });
    },
  );
}
