import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { recordListing } from "../../platform/audit/audit";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { isoDate, requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { assessments, personalOutcomes } from "../assessment/schema";
import { currentBudget } from "../budgets/store";
import { requireAccess } from "../people/access";
import { people } from "../people/schema";
import { journeyFactsOf, lockPerson } from "../people/store";
import { providers } from "../providers/schema";
import { cannotChoose, cannotRespond } from "./rules";
import { type PlanStatus, planEvents, SDS_OPTIONS, supportPlans } from "./schema";

const Choice = z
  .object({
    option: z.enum(SDS_OPTIONS, "Choose Option 1, 2 or 3"),
    providerId: z.uuid("Choose a provider from the list").optional(),
    reason: z.string().trim().max(2000).default(""),
  })
  .refine((c) => c.option !== "2" || c.providerId, {
    path: ["providerId"],
    message: "With Option 2, choose the provider who will hold your budget",
  });
const PlanParams = z.object({ planId: z.uuid("That is not a plan's id") });
const Acceptance = z.object({
  startDate: isoDate("Start date"),
  committedHoursPerWeek: z.number().int("Hours must be a whole number").min(1).max(168),
});
const Decline = z.object({ reason: requiredText("Say why you cannot take this on", 2000) });

export function planRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Support plans"];

  app.post(
    "/api/people/:personId/support-plan",
    {
      schema: {
        tags,
        summary: "The person's choice of SDS option and provider",
        params: PersonParams,
        body: Choice,
        response: {
          201: z.object({ planId: z.uuid(), status: z.enum(supportPlans.status.enumValues) }),
        },
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
      const { option, providerId, reason } = request.body;
      let offFramework = false;
      if (providerId) {
        const [provider] = await db
          .select({ id: providers.id, onFramework: providers.onFramework })
          .from(providers)
          .where(eq(providers.id, providerId));
        if (!provider)
          throw invalid([{ path: "providerId", message: "Choose a provider from the list" }]);
        offFramework = !provider.onFramework; // allowed, and flagged to procurement
      }
      const result = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const blocked = cannotChoose(await journeyFactsOf(tx, personId));
        if (blocked) throw conflict(blocked);
        const budget = await currentBudget(tx, personId);
        if (!budget) throw conflict("A choice can be made once the budget is set.");
        // With a provider named, the plan waits for them; otherwise the person or council arranges it.
        const status: PlanStatus = providerId ? "awaiting-provider" : "active";
        const [plan] = await tx
          .insert(supportPlans)
          .values({
            personId,
            budgetEntryId: budget.id,
            option,
            providerId,
            status,
            chosenBy: actor.userId,
            choiceReason: reason,
            offFramework,
          })
          .returning({ id: supportPlans.id });
        if (!plan) throw new Problem(500, "Not saved", "The choice could not be saved.");
        await tx.insert(planEvents).values({
          planId: plan.id,
          event: "chosen",
          note: `Option ${option}`,
          actorId: actor.userId,
        });
        await access.record(tx, { resourceId: plan.id, detail: { option, providerId } });
        return { planId: plan.id, status };
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    "/api/support-plans",
    { schema: { tags, summary: "Requests and plans for the provider signed in" } },
    async (request) => {
      const actor = requireActor(request);
      await requireAccess(db, actor, { action: "list", resource: "support-plan" });
      const plans = await db
        .select({
          id: supportPlans.id,
          personId: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          option: supportPlans.option,
          status: supportPlans.status,
          startDate: supportPlans.startDate,
          committedHoursPerWeek: supportPlans.committedHoursPerWeek,
          budgetEntryId: supportPlans.budgetEntryId,
        })
        .from(supportPlans)
        .innerJoin(people, eq(people.id, supportPlans.personId))
        .where(
          and(
            eq(supportPlans.providerId, actor.providerId ?? ""),
            inArray(supportPlans.status, ["awaiting-provider", "active"]),
          ),
        )
        .orderBy(supportPlans.createdAt);
      const result = [];
      for (const plan of plans) {
        const budget = await currentBudget(db, plan.personId);
        const outcomes = await db
          .select({ inOwnWords: personalOutcomes.inOwnWords })
          .from(personalOutcomes)
          .innerJoin(assessments, eq(assessments.id, personalOutcomes.assessmentId))
          .where(eq(assessments.personId, plan.personId));
        result.push({
          id: plan.id,
          person: { id: plan.personId, givenName: plan.givenName, familyName: plan.familyName },
          option: plan.option,
          status: plan.status,
          startDate: plan.startDate,
          committedHoursPerWeek: plan.committedHoursPerWeek,
          annualAmountPence: budget?.annualAmountPence ?? 0,
          outcomes,
        });
      }
      await recordListing(
        db,
        actor,
        "support-plan",
        result.map((p) => ({ resourceId: p.id, personId: p.person.id })),
      );
      return { plans: result };
    },
  );

  /** Shared by accept and decline: the gate, the lock and the once-only guard. */
  async function respond(
    actor: Actor,
    planId: string,
    change: Partial<typeof supportPlans.$inferInsert> & { status: "active" | "declined" },
    event: "accepted" | "declined",
    note: string,
  ) {
    const [plan] = await db.select().from(supportPlans).where(eq(supportPlans.id, planId));
    if (!plan) throw notFound("That request");
    const relationship =
      plan.providerId && plan.providerId === actor.providerId ? "supporting-provider" : "none";
    const access = await requireAccess(db, actor, {
      action: "respond",
      resource: "support-plan",
      personId: plan.personId,
      relationship,
    });
    await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ status: supportPlans.status })
        .from(supportPlans)
        .where(eq(supportPlans.id, plan.id))
        .for("update");
      const blocked = cannotRespond(locked?.status ?? plan.status);
      if (blocked) throw conflict(blocked);
      await tx.update(supportPlans).set(change).where(eq(supportPlans.id, plan.id));
      await tx.insert(planEvents).values({ planId: plan.id, event, note, actorId: actor.userId });
      await access.record(tx, { resourceId: plan.id, detail: { event } });
    });
    return { status: change.status };
  }

  app.post(
    "/api/support-plans/:planId/acceptance",
    {
      schema: {
        tags,
        summary: "The provider accepts the request",
        params: PlanParams,
        body: Acceptance,
      },
    },
    async (request) => {
      const { startDate, committedHoursPerWeek } = request.body;
      return respond(
        requireActor(request),
        request.params.planId,
        { status: "active", startDate, committedHoursPerWeek },
        "accepted",
        `Starts ${startDate}, ${committedHoursPerWeek} hours a week`,
      );
    },
  );

  app.post(
    "/api/support-plans/:planId/decline",
    {
      schema: {
        tags,
        summary: "The provider declines the request, with a reason",
        params: PlanParams,
        body: Decline,
      },
    },
    async (request) =>
      respond(
        requireActor(request),
        request.params.planId,
        { status: "declined" },
        "declined",
        request.body.reason,
      ),
  );
}
