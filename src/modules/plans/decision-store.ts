import type { Relationship } from "../../platform/authorisation/policy";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict, notFound } from "../../platform/http/problem";
import { currentAuthority } from "../budgets/store";
import { budgetForApprovedPlan, cannotApprovePlan, planApprovalNeeded } from "./approval";
import { costPlan } from "./costing";
import { recordApprovedBudget } from "./over-budget";
import { planView, versionsOf } from "./plan-store";
import { linesBlocked } from "./rules";
import { planDecisions } from "./schema";

/**
 * Approves the newest version of the plan, or returns it (the person locked): once, four eyes
 * when a manager must. A manager approving over budget also approves the budget it needs
 * (`approvesBudget`: the policy lets them), recorded as a new budget entry.
 */
export async function decidePlan(
  tx: Db,
  personId: string,
  body: { decision: "approved" | "returned"; note: string },
  approver: { actor: Actor; relationship: Relationship; approvesBudget: boolean },
) {
  const { actor } = approver;
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
    body.decision === "approved"
      ? budgetForApprovedPlan(costing, latest.version, actor.displayName, body.note)
      : null;
  const budgetEntryId =
    budget && approver.approvesBudget && needed
      ? await recordApprovedBudget(tx, approver, {
          personId,
          budget,
          needed,
          authorId: latest.version.createdBy,
          note: body.note,
        })
      : null;
  await tx.insert(planDecisions).values({
    planVersionId: latest.version.id,
    decision: body.decision,
    approvalNeeded: needed,
    note: body.note,
    decidedBy: actor.userId,
  });
  return {
    versionId: latest.version.id,
    decided: {
      version: latest.version.version,
      decision: body.decision,
      budget: budget && budgetEntryId ? { id: budgetEntryId, ...budget } : null,
    },
  };
}
