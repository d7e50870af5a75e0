import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { currentAuthority, currentBudget } from "../budgets/store";
import { requireAccess } from "../people/access";
import { lockPerson } from "../people/store";
import { budgetForApprovedPlan, cannotApprovePlan, planApprovalNeeded } from "./approval";
import { costPlan } from "./costing";
import { recordApprovedBudget } from "./over-budget";
import { ChoiceInput, PlanInput } from "./plan-fields";
import { appendVersion, checkLines, planView, toPlanLine, versionsOf } from "./plan-store";
import { lineProblems, linesBlocked } from "./rules";
import { type PlanLine, planDecisions } from "./schema";

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

const Decision = z
  .object({
    decision: z.enum(["approved", "returned"], "Choose to approve the plan or return it"),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((d) => d.decision === "approved" || d.note, {
    path: ["note"],
    message: "Say what needs to change",
  });

/** The support plan: supports for each outcome, costed; the person's choice; approval. */
export function supportPlanRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Support plans"];

  app.get(
    "/api/people/:personId/plan",
    {
      schema: {
        tags,
        summary: "The person's support plan, costed, with its history",
        params: PersonParams,
      },
    },
    async (request) => {
      const { personId } = request.params;
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "support-plan",
        personId,
      });
      const plan = await planView(db, personId);
      await access.record(db, { resourceId: plan?.id, detail: { version: plan?.version ?? null } });
      return { plan };
    },
  );

  app.put(
    "/api/people/:personId/plan",
    {
      schema: {
        tags,
        summary: "Write the plan's supports: a new version, with what changed and why",
        params: PersonParams,
        body: PlanInput,
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "update",
        resource: "support-plan",
        personId,
      });
      const lines = request.body.lines.map(toPlanLine);
      await checkLines(db, personId, lines);
      const saved = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const budget = await currentBudget(tx, personId);
        if (!budget) throw conflict("A plan is costed against a budget: set the budget first.");
        const [latest] = await versionsOf(tx, personId);
        const version = await appendVersion(tx, {
          personId,
          budgetEntryId: budget.id,
          lines,
          choice: latest?.version.choice ?? null,
          changeSummary: request.body.changeSummary,
          createdBy: actor.userId,
        });
        await access.record(tx, { resourceId: version.id, detail: { version: version.version } });
        return version;
      });
      return reply.code(201).send(saved);
    },
  );

  app.post(
    "/api/people/:personId/plan/choice",
    {
      schema: {
        tags,
        summary: "The person's choice of option for each support, with how it was made",
        params: PersonParams,
        body: ChoiceInput,
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
      const { options, ...choice } = request.body;
      const saved = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const [latest] = await versionsOf(tx, personId);
        if (!latest) throw conflict("There is no plan yet to choose options for.");
        const unknown = options.flatMap((o, i) =>
          latest.version.lines.some((l) => l.id === o.lineId)
            ? []
            : [{ path: `options.${i}.lineId`, message: "That support is not in the plan" }],
        );
        if (unknown.length) throw invalid(unknown);
        const chosen = new Map(options.map((o) => [o.lineId, o.option]));
        const lines = latest.version.lines.map((l) => ({
          ...l,
          option: chosen.get(l.id) ?? l.option,
        }));
        const problems = choiceErrors(lines, options);
        if (problems.length) throw invalid(problems);
        const version = await appendVersion(tx, {
          personId,
          budgetEntryId: latest.version.budgetEntryId,
          lines,
          choice,
          changeSummary: `Options chosen: ${options.map((o) => `Option ${o.option}`).join(", ")}`,
          createdBy: actor.userId,
        });
        await access.record(tx, { resourceId: version.id, detail: { options: options.length } });
        return version;
      });
      return reply.code(201).send(saved);
    },
  );

  app.post(
    "/api/people/:personId/plan/decision",
    {
      schema: {
        tags,
        summary:
          "Approve the newest version of the plan, or return it (four eyes when over thresholds)",
        params: PersonParams,
        body: Decision,
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "approve",
        resource: "support-plan",
        personId,
      });
      // A manager approving over budget also approves the budget it needs (checked up front).
      const budgetAccess =
        actor.role === "team-manager" && request.body.decision === "approved"
          ? await requireAccess(db, actor, { action: "approve", resource: "budget", personId })
          : null;
      const result = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const [latest] = await versionsOf(tx, personId);
        if (!latest) throw notFound("A plan");
        const view = await planView(tx, personId);
        const costing = view?.costing ?? costPlan([], 0);
        const needed = planApprovalNeeded(costing, await currentAuthority(tx));
        const blocked = cannotApprovePlan(
          {
            linesBlocked: linesBlocked(latest.version.lines),
            needsManager: needed,
            authorId: latest.version.createdBy,
            decided: latest.decision !== null,
            hasLines: latest.version.lines.length > 0,
          },
          { id: actor.userId, role: actor.role },
        );
        const waiting = view?.approval.waiting;
        if (blocked) throw conflict(needed && waiting ? `${blocked} ${waiting}` : blocked);
        const budget =
          request.body.decision === "approved"
            ? budgetForApprovedPlan(costing, latest.version, actor.displayName, request.body.note)
            : null;
        const budgetEntryId =
          budget && budgetAccess && needed
            ? await recordApprovedBudget(tx, budgetAccess, {
                personId,
                budget,
                needed,
                authorId: latest.version.createdBy,
                note: request.body.note,
              })
            : null;
        await tx.insert(planDecisions).values({
          planVersionId: latest.version.id,
          decision: request.body.decision,
          approvalNeeded: needed,
          note: request.body.note,
          decidedBy: actor.userId,
        });
        await access.record(tx, {
          resourceId: latest.version.id,
          detail: { decision: request.body.decision },
        });
        return {
          version: latest.version.version,
          decision: request.body.decision,
          budget: budget && budgetEntryId ? { id: budgetEntryId, ...budget } : null,
        };
      });
      return reply.code(201).send(result);
    },
  );
}
