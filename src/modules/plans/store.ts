import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { assessments, personalOutcomes } from "../assessment/schema";
import { currentBudget } from "../budgets/store";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { journeyFactsOf } from "../people/store";
import { providers } from "../providers/schema";
import type { LineOption } from "./costing";
import { cannotChoose, cannotRespond } from "./rules";
import { planEvents, providerRequests } from "./schema";
import type { PlanStatus } from "./statuses";

export async function latestPlan(db: Db, personId: string) {
  const [row] = await db
    .select({
      id: providerRequests.id,
      option: providerRequests.option,
      status: providerRequests.status,
      startDate: providerRequests.startDate,
      committedHoursPerWeek: providerRequests.committedHoursPerWeek,
      choiceReason: providerRequests.choiceReason,
      providerId: providers.id,
      providerName: providers.name,
    })
    .from(providerRequests)
    .leftJoin(providers, eq(providers.id, providerRequests.providerId))
    .where(eq(providerRequests.personId, personId))
    .orderBy(desc(providerRequests.createdAt))
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

/** A provider named in a choice: on the framework or not (allowed, and flagged to procurement). */
export async function providerChosen(db: Db, providerId: string | undefined) {
  if (!providerId) return { offFramework: false };
  const [provider] = await db
    .select({ id: providers.id, onFramework: providers.onFramework })
    .from(providers)
    .where(eq(providers.id, providerId));
  if (!provider)
    throw invalid([{ path: "providerId", message: "Choose a provider from the list" }]);
  return { offFramework: !provider.onFramework };
}

/**
 * Why the person cannot make the whole-budget choice now, or null (the person locked). A
 * provider that is not there is a field error first, as it was before the state was looked at.
 */
export async function cannotChooseNow(tx: Db, personId: string, providerId: string | undefined) {
  await providerChosen(tx, providerId);
  return cannotChoose(await journeyFactsOf(tx, personId));
}

/**
 * The person's choice of option, and of a provider to hold the budget: with a provider named,
 * the plan waits for them; otherwise the person or council arranges it.
 */
export async function requestProvider(
  tx: Db,
  personId: string,
  choice: { option: LineOption; providerId?: string | undefined; reason: string },
  chosenBy: string,
) {
  const { option, providerId, reason } = choice;
  const { offFramework } = await providerChosen(tx, providerId);
  const budget = await currentBudget(tx, personId);
  if (!budget) throw conflict("A choice can be made once the budget is set.");
  const status: PlanStatus = providerId ? "awaiting-provider" : "active";
  const [plan] = await tx
    .insert(providerRequests)
    .values({
      personId,
      budgetEntryId: budget.id,
      option,
      providerId,
      status,
      chosenBy,
      choiceReason: reason,
      offFramework,
    })
    .returning({ id: providerRequests.id });
  if (!plan) throw new Problem(500, "Not saved", "The choice could not be saved.");
  await tx
    .insert(planEvents)
    .values({ planId: plan.id, event: "chosen", note: `Option ${option}`, actorId: chosenBy });
  return { planId: plan.id, status };
}

/**
 * The requests and plans naming the provider, waiting for its answer or taken on, of the
 * people in `personIds` (a subquery): each with the person's budget and outcomes.
 */
export async function requestsToProvider(db: Db, providerId: string | null, personIds: SQL) {
  const plans = await db
    .select({
      id: providerRequests.id,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      option: providerRequests.option,
      status: providerRequests.status,
      startDate: providerRequests.startDate,
      committedHoursPerWeek: providerRequests.committedHoursPerWeek,
    })
    .from(providerRequests)
    .innerJoin(people, eq(people.id, providerRequests.personId))
    .where(
      and(
        eq(providerRequests.providerId, providerId ?? ""),
        inArray(providerRequests.status, ["awaiting-provider", "active"]),
        inArray(providerRequests.personId, personIds),
      ),
    )
    .orderBy(providerRequests.createdAt);
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
  return result;
}

export type SupportPlanRow = typeof providerRequests.$inferSelect;

/** A request to a provider, with the provider party to it (who alone may answer it). */
export async function findRequest(db: Db, planId: string) {
  const [plan] = await db.select().from(providerRequests).where(eq(providerRequests.id, planId));
  if (!plan) throw notFound("That request");
  return { ...plan, party: { providerId: plan.providerId } };
}

/** The state guard for an answer: the request's row locked, answered once. */
export async function cannotRespondNow(tx: Db, plan: SupportPlanRow) {
  const [locked] = await tx
    .select({ status: providerRequests.status })
    .from(providerRequests)
    .where(eq(providerRequests.id, plan.id))
    .for("update");
  return cannotRespond(locked?.status ?? plan.status);
}

/** The provider's answer: taken on from a date, for so many hours a week, or declined. */
export async function answerRequest(
  tx: Db,
  plan: SupportPlanRow,
  answer:
    | { event: "accepted"; startDate: string; committedHoursPerWeek: number }
    | { event: "declined"; reason: string },
  actorId: string,
) {
  const [change, note] =
    answer.event === "accepted"
      ? [
          {
            status: "active" as const,
            startDate: answer.startDate,
            committedHoursPerWeek: answer.committedHoursPerWeek,
          },
          `Starts ${answer.startDate}, ${answer.committedHoursPerWeek} hours a week`,
        ]
      : [{ status: "declined" as const }, answer.reason];
  await tx.update(providerRequests).set(change).where(eq(providerRequests.id, plan.id));
  await tx.insert(planEvents).values({ planId: plan.id, event: answer.event, note, actorId });
  return { status: change.status };
}
