import { randomUUID } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import { conflict, invalid } from "../../platform/http/problem";
import { secondPersonWaiting, whoMaySignOff } from "../assessment/rules";
import { latestAssessment } from "../assessment/store";
import { currentAuthority, currentBudget } from "../budgets/store";
import { users } from "../identity/schema";
import { teamManagersOf } from "../people/store";
import { providerServices, providers } from "../providers/schema";
import { planApprovalNeeded } from "./approval";
import { annualCost, costPlan, type LineCost, planOption } from "./costing";
import type { ChoiceInput, LineInput } from "./plan-fields";
import { costedLines, poolShares } from "./pool-store";
import { type ChoiceRecord, principlesShown } from "./principles";
import { lineErrors, lineProblems } from "./rules";
import { type PlanLine, planDecisions, planVersions, providerRequests } from "./schema";

type CostInput = NonNullable<LineInput["cost"]>;

export function toCost(cost: CostInput | undefined): LineCost {
  if (!cost) return { type: "recurring", amountPence: 0, per: "year" }; // a pool's share, filled in later
  if (cost.type === "hourly")
    return {
      type: "hourly",
      minutesPerWeek: cost.minutesPerWeek,
      hourlyRatePence: cost.hourlyRate,
    };
  if (cost.type === "recurring")
    return { type: "recurring", amountPence: cost.amount, per: cost.per };
  return { type: "one-off", amountPence: cost.amount };
}

export function toPlanLine(input: LineInput): PlanLine {
  return {
    id: input.id ?? randomUUID(),
    outcomeId: input.outcomeId,
    kind: input.kind,
    description: input.description,
    option: input.option,
    cost: toCost(input.cost),
    providerId: input.providerId,
    serviceId: input.serviceId,
    poolId: input.poolId,
    howItMeetsOutcome: input.howItMeetsOutcome,
    familyMemberReason: input.familyMember ? input.familyMemberReason : null,
  };
}

/** Field errors for lines naming things that are not there: outcomes, providers, services, pools. */
export async function checkLines(db: Db, personId: string, lines: PlanLine[]) {
  const outcomes = new Set((await latestAssessment(db, personId))?.outcomes.map((o) => o.id));
  const providerIds = lines.flatMap((l) => (l.providerId ? [l.providerId] : []));
  const serviceIds = lines.flatMap((l) => (l.serviceId ? [l.serviceId] : []));
  const [known, services, shares] = await inTurn(
    () =>
      providerIds.length
        ? db.select({ id: providers.id }).from(providers).where(inArray(providers.id, providerIds))
        : [],
    () =>
      serviceIds.length
        ? db
            .select({ id: providerServices.id, providerId: providerServices.providerId })
            .from(providerServices)
            .where(inArray(providerServices.id, serviceIds))
        : [],
    () =>
      poolShares(
        db,
        lines.flatMap((l) => (l.poolId ? [l.poolId] : [])),
      ),
  );
  const errors = lines.flatMap((l, i) => {
    const at = (field: string, message: string) => ({ path: `lines.${i}.${field}`, message });
    const service = services.find((s) => s.id === l.serviceId);
    return [
      !outcomes.has(l.outcomeId) && at("outcomeId", "Choose one of the person's outcomes"),
      l.providerId &&
        !known.some((p) => p.id === l.providerId) &&
        at("providerId", "No such provider"),
      l.serviceId &&
        (!service || service.providerId !== l.providerId) &&
        at("serviceId", "Choose a service of the provider chosen"),
      l.poolId &&
        !shares.get(l.poolId)?.has(personId) &&
        at("poolId", "The person is not in that shared support"),
    ].filter((e): e is { path: string; message: string } => Boolean(e));
  });
  if (errors.length > 0) throw invalid(errors);
}

export async function versionsOf(db: Db, personId: string) {
  return db
    .select({
      version: planVersions,
      authorName: users.displayName,
      decision: planDecisions,
    })
    .from(planVersions)
    .innerJoin(users, eq(users.id, planVersions.createdBy))
    .leftJoin(planDecisions, eq(planDecisions.planVersionId, planVersions.id))
    .where(eq(planVersions.personId, personId))
    .orderBy(desc(planVersions.version));
}

/**
 * Appends the next version of the person's plan (the caller holds the person's lock). Every
 * write path comes through here, so no version is stored that breaks a rule about its lines.
 */
export async function appendVersion(
  tx: Db,
  v: {
    personId: string;
    budgetEntryId: string;
    lines: PlanLine[];
    choice: ChoiceRecord | null;
    changeSummary: string;
    createdBy: string;
  },
) {
  const problems = lineProblems(v.lines);
  if (problems.length > 0) throw invalid(lineErrors(problems));
  const [latest] = await tx
    .select({ version: planVersions.version })
    .from(planVersions)
    .where(eq(planVersions.personId, v.personId))
    .orderBy(desc(planVersions.version))
    .limit(1);
  const version = (latest?.version ?? 0) + 1;
  const [row] = await tx
    .insert(planVersions)
    .values({ ...v, version })
    .returning({ id: planVersions.id });
  return { id: (row as { id: string }).id, version };
}

/** Where each support stands with the providers asked to take it on. */
async function requestsFor(db: Db, lineIds: string[]) {
  if (lineIds.length === 0) return [];
  return db
    .select({
      id: providerRequests.id,
      lineId: providerRequests.planLineId,
      providerId: providers.id,
      providerName: providers.name,
      status: providerRequests.status,
      offFramework: providerRequests.offFramework,
      startDate: providerRequests.startDate,
      committedHoursPerWeek: providerRequests.committedHoursPerWeek,
    })
    .from(providerRequests)
    .innerJoin(providers, eq(providers.id, providerRequests.providerId))
    .where(inArray(providerRequests.planLineId, lineIds))
    .orderBy(providerRequests.createdAt);
}

/** The plan as people see it: costed against the budget, with approval, principles and history. */
export async function planView(db: Db, personId: string) {
  const versions = await versionsOf(db, personId);
  const current = versions[0];
  if (!current) return null;
  const { version: v, decision } = current;
  const [budget, authority, lines, assessment] = await inTurn(
    () => currentBudget(db, personId),
    () => currentAuthority(db),
    () => costedLines(db, personId, v.lines),
    () => latestAssessment(db, personId),
  );
  const providerIds = lines.flatMap((l) => (l.providerId ? [l.providerId] : []));
  const named = providerIds.length
    ? await db
        .select({ id: providers.id, name: providers.name, onFramework: providers.onFramework })
        .from(providers)
        .where(inArray(providers.id, providerIds))
    : [];
  const costing = costPlan(lines, budget?.annualAmountPence ?? 0);
  const needed = planApprovalNeeded(costing, authority);
  const author = { id: v.createdBy, displayName: current.authorName };
  const requests = await requestsFor(
    db,
    lines.map((l) => l.id),
  );
  return {
    id: v.id,
    version: v.version,
    createdAt: v.createdAt,
    createdBy: author,
    changeSummary: v.changeSummary,
    option: planOption(lines),
    lines: lines.map((l) => ({
      ...l,
      annualPence: annualCost(l.cost),
      provider: named.find((p) => p.id === l.providerId) ?? null,
      outcome: assessment?.outcomes.find((o) => o.id === l.outcomeId)?.inOwnWords ?? null,
      requests: requests.filter((r) => r.lineId === l.id).map(({ lineId: _, ...r }) => r),
    })),
    costing,
    approval: {
      needed,
      // Who may approve when a manager must (never the author), or how to unblock it.
      waiting:
        needed && !decision
          ? secondPersonWaiting(
              author,
              whoMaySignOff({
                authorId: v.createdBy,
                editorIds: [],
                teamManagers: await teamManagersOf(db, personId),
                named: null,
              }),
              {
                act: "approval",
                unblock:
                  "The allocated worker can write the next version for a manager to approve.",
              },
            )
          : null,
      decision: decision && {
        decision: decision.decision,
        note: decision.note,
        decidedBy: decision.decidedBy,
        decidedAt: decision.decidedAt,
      },
    },
    choice: v.choice,
    principles: v.choice ? principlesShown(v.choice) : [],
    history: versions.map(({ version: h, authorName, decision: d }) => ({
      version: h.version,
      changeSummary: h.changeSummary,
      createdBy: authorName,
      createdAt: h.createdAt,
      decision: d?.decision ?? null,
    })),
  };
}

/**
 * Writes the plan's supports: a new version, costed against the budget in force (the person
 * locked). Lines naming things that are not there are field errors before anything else.
 */
export async function writePlan(
  tx: Db,
  personId: string,
  input: { lines: LineInput[]; changeSummary: string },
  createdBy: string,
) {
  const lines = input.lines.map(toPlanLine);
  await checkLines(tx, personId, lines);
  const budget = await currentBudget(tx, personId);
  if (!budget) throw conflict("A plan is costed against a budget: set the budget first.");
  const [latest] = await versionsOf(tx, personId);
  return appendVersion(tx, {
    personId,
    budgetEntryId: budget.id,
    lines,
    choice: latest?.version.choice ?? null,
    changeSummary: input.changeSummary,
    createdBy,
  });
}

/**
 * The line rules, said to whoever is choosing, at the choice they made. A close family member's
 * exceptional reason is the council's to record (the worker, in the plan), not the chooser's.
 */
function choiceErrors(lines: PlanLine[], options: { lineId: string }[]) {
  return lineProblems(lines).map((p) => {
    const line = lines[p.line] as PlanLine;
    const at = options.findIndex((o) => o.lineId === line.id);
    const message =
      p.field === "familyMemberReason"
        ? `“${line.description}” is support from a close family member. A direct payment ` +
          "(Option 1) can pay a close family member only for an exceptional reason, which your " +
          "social worker records in the plan. Ask them to record it, or choose Option 2 or 3 for now."
        : `“${line.description}”: ${p.message}`;
    return { path: at >= 0 ? `options.${at}.option` : "options", message };
  });
}

/**
 * The person's choice of option for each support, with how it was made: a new version of the
 * newest plan (the person locked).
 */
export async function chooseOptions(
  tx: Db,
  personId: string,
  input: z.output<typeof ChoiceInput>,
  createdBy: string,
) {
  const { options, ...choice } = input;
  const [latest] = await versionsOf(tx, personId);
  if (!latest) throw conflict("There is no plan yet to choose options for.");
  const unknown = options.flatMap((o, i) =>
    latest.version.lines.some((l) => l.id === o.lineId)
      ? []
      : [{ path: `options.${i}.lineId`, message: "That support is not in the plan" }],
  );
  if (unknown.length) throw invalid(unknown);
  const chosen = new Map(options.map((o) => [o.lineId, o.option]));
  const lines = latest.version.lines.map((l) => ({ ...l, option: chosen.get(l.id) ?? l.option }));
  const problems = choiceErrors(lines, options);
  if (problems.length) throw invalid(problems);
  return appendVersion(tx, {
    personId,
    budgetEntryId: latest.version.budgetEntryId,
    lines,
    choice,
    changeSummary: `Options chosen: ${options.map((o) => `Option ${o.option}`).join(", ")}`,
    createdBy,
  });
}
