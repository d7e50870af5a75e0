import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { assessments, personalOutcomes } from "../assessment/schema";
import { currentBudget } from "../budgets/store";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { people } from "../people/schema";
import { journeyFactsOf } from "../people/store";
import { providers } from "../providers/schema";
import { annualCost, type LineOption } from "./costing";
import { versionsOf } from "./plan-store";
import { cannotChoose, cannotRespond, sharedBeforeAcceptance, standingOf } from "./rules";
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
  choice: {
    option: LineOption;
    providerId?: string | undefined;
    reason: string;
    shareOutcomes: boolean;
  },
  chosenBy: string,
) {
  const { option, providerId, reason, shareOutcomes } = choice;
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
      shareOutcomes,
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
 * people in `personIds` (a subquery), each as `requestSummary` shows it.
 */
export async function requestsToProvider(db: Db, providerId: string | null, personIds: SQL) {
  return requestSummaries(
    db,
    and(
      eq(providerRequests.providerId, providerId ?? ""),
      inArray(providerRequests.status, ["awaiting-provider", "active"]),
      inArray(providerRequests.personId, personIds),
    ) as SQL,
  );
}

/** One request, as the provider asked sees it (`requestSummary`). */
export async function requestToProvider(db: Db, requestId: string) {
  const [summary] = await requestSummaries(db, eq(providerRequests.id, requestId));
  if (!summary) throw notFound("That request");
  return summary;
}

/**
 * What a provider sees of a request: enough to decide while it is only asked (the support
 * asked, its hours, the option, the person's locality and budget), and what matters to the
 * person in their own words only once it supports them or where the person agreed to share it.
 */
async function requestSummaries(db: Db, where: SQL) {
  const rows = await db
    .select({
      id: providerRequests.id,
      personId: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      locality: localities.name,
      option: providerRequests.option,
      status: providerRequests.status,
      startDate: providerRequests.startDate,
      committedHoursPerWeek: providerRequests.committedHoursPerWeek,
      planLineId: providerRequests.planLineId,
      shareOutcomes: providerRequests.shareOutcomes,
    })
    .from(providerRequests)
    .innerJoin(people, eq(people.id, providerRequests.personId))
    .innerJoin(localities, eq(localities.id, people.localityId))
    .where(where)
    .orderBy(providerRequests.createdAt);
  const result = [];
  for (const row of rows) {
    const budget = await currentBudget(db, row.personId);
    const outcomes = sharedBeforeAcceptance(row)
      ? await db
          .select({ inOwnWords: personalOutcomes.inOwnWords })
          .from(personalOutcomes)
          .innerJoin(assessments, eq(assessments.id, personalOutcomes.assessmentId))
          .where(eq(assessments.personId, row.personId))
      : [];
    const [latest] = row.planLineId ? await versionsOf(db, row.personId) : [];
    const line = latest?.version.lines.find((l) => l.id === row.planLineId);
    result.push({
      id: row.id,
      person: { id: row.personId, givenName: row.givenName, familyName: row.familyName },
      locality: row.locality,
      option: row.option,
      status: row.status,
      startDate: row.startDate,
      committedHoursPerWeek: row.committedHoursPerWeek,
      annualAmountPence: budget?.annualAmountPence ?? 0,
      support: line
        ? {
            kind: line.kind,
            description: line.description,
            minutesPerWeek: line.cost.type === "hourly" ? line.cost.minutesPerWeek : null,
            annualPence: annualCost(line.cost),
          }
        : null,
      outcomesShared: sharedBeforeAcceptance(row),
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
  // Until it takes the request on, the provider named is only asked (`standingOf`).
  return { ...plan, party: { providerId: plan.providerId, standing: standingOf(plan.status) } };
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
