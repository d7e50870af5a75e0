import { recordAudit } from "../../platform/audit/audit";
import type { Relationship } from "../../platform/authorisation/policy";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { conflict } from "../../platform/http/problem";
import { cannotDecideBudget, cannotSetBudget, raisedStreams } from "../budgets/rules";
import { budgetApprovals } from "../budgets/schema";
import { appendBudgetEntry, currentBudget } from "../budgets/store";
import { latestDecision } from "../eligibility/store";
import { journeyFactsOf } from "../people/store";

/**
 * Records the budget a manager's approval of an over-budget plan sets: a new entry in the
 * append-only budget history, proposed by the plan's author and approved by the manager, so the
 * budget, the contracts and the money agree. Runs in the approval's transaction, person locked.
 * The manager's approval of the budget is a second access, audited here beside the plan's: the
 * caller has asked the policy (`may("approve", "budget")`) that it is theirs to make.
 */
export async function recordApprovedBudget(
  tx: Db,
  approver: { actor: Actor; relationship: Relationship },
  r: {
    personId: string;
    budget: { annualAmountPence: number; reason: string };
    needed: string;
    authorId: string;
    note: string;
  },
) {
  const blocked =
    cannotSetBudget(await journeyFactsOf(tx, r.personId)) ??
    cannotDecideBudget(
      { approvalNeeded: r.needed, setBy: r.authorId, decided: false },
      approver.actor.userId,
    );
  if (blocked)
    throw conflict(`The plan is over its budget, so the budget must change first: ${blocked}`);
  const [decision, current] = [
    await latestDecision(tx, r.personId),
    await currentBudget(tx, r.personId),
  ];
  if (!decision) throw conflict("Set a budget only after the person is found eligible.");
  const id = await appendBudgetEntry(
    tx,
    {
      personId: r.personId,
      eligibilityDecisionId: decision.id,
      annualAmountPence: r.budget.annualAmountPence,
      reason: r.budget.reason,
      approvalNeeded: r.needed,
      setBy: r.authorId,
    },
    raisedStreams(current?.streams ?? [], r.budget.annualAmountPence),
  );
  await tx.insert(budgetApprovals).values({
    budgetEntryId: id,
    decision: "approved",
    note: r.note,
    decidedBy: approver.actor.userId,
  });
  await recordAudit(tx, [
    {
      actorUserId: approver.actor.userId,
      actorRole: approver.actor.role,
      action: "approve",
      resourceType: "budget",
      resourceId: id,
      personId: r.personId,
      outcome: "allowed",
      detail: {
        relationship: approver.relationship,
        annualAmountPence: r.budget.annualAmountPence,
        fromPlanApproval: true,
      },
    },
  ]);
  return id;
}
