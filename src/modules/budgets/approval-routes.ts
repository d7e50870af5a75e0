import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { invalid } from "../../platform/http/problem";
import {
  budgetsAwaitingApproval,
  cannotDecide,
  decideBudget,
  findBudgetEntry,
  setAuthority,
} from "./approval-store";
import { parseBudgetAmount } from "./money";
import { Authority, AwaitingApproval, BudgetDecision } from "./replies";
import { currentAuthority } from "./store";

const tags = ["Budgets"];

const Decision = z
  .object({
    decision: z.enum(["approved", "rejected"], "Choose to approve or reject"),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((d) => d.decision === "approved" || d.note, {
    path: ["note"],
    message: "Say why it is rejected",
  });

/** Budgets above a social worker's authority, and the team manager's decision on them. */
export function budgetApprovalRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/budgets/awaiting-approval",
    schema: {
      tags,
      summary: "Amounts in the manager's team waiting for approval",
      response: { 200: AwaitingApproval },
    },
    access: { action: "list", resource: "budget" },
    run: async ({ db, personIds, shown }) => {
      const budgets = await budgetsAwaitingApproval(db, personIds("approve"));
      shown(budgets.map((b) => ({ resourceId: b.id, personId: b.personId })));
      return { budgets };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/budget-entries/:budgetEntryId/approval",
    schema: {
      tags,
      summary:
        "A team manager approves or rejects an amount above a worker's authority (never their own)",
      params: z.object({ budgetEntryId: z.uuid("That is not a budget's id") }),
      body: Decision,
      response: { 200: BudgetDecision },
    },
    access: { action: "approve", resource: "budget" },
    find: ({ db, params }) => findBudgetEntry(db, params.budgetEntryId),
    lock: true,
    guard: ({ db, found, actor }) => cannotDecide(db, found, actor.userId),
    run: async ({ db, found, body, actor, audit }) => {
      await decideBudget(db, found, body, actor.userId);
      audit({ detail: { decision: body.decision } });
      return { decision: body.decision };
    },
  });
}

const AuthorityBody = z.object({
  maxAnnualAmount: z.string().max(30).describe('Pounds a year, e.g. "30,000"'),
  maxAdjustmentPercent: z.number().min(0, "From 0%").max(100, "Up to 100%"),
});

/** The council sets how far a social worker's authority goes; each change is kept. */
export function budgetAuthorityRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/budget-authority",
    schema: {
      tags,
      summary: "The limits of a social worker's budget authority in force",
      response: { 200: Authority },
    },
    access: { action: "read", resource: "budget-authority" },
    run: ({ db }) => currentAuthority(db),
  });

  command(app, deps, {
    method: "POST",
    url: "/api/budget-authority",
    schema: {
      tags,
      summary: "Set the limits of a social worker's budget authority (administrators)",
      body: AuthorityBody,
      response: { 201: Authority },
    },
    access: { action: "create", resource: "budget-authority" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const amount = parseBudgetAmount(body.maxAnnualAmount, "maxAnnualAmount");
      if ("path" in amount) throw invalid([amount]);
      const limits = {
        maxAnnualPence: amount.pence,
        maxAdjustmentBasisPoints: Math.round(body.maxAdjustmentPercent * 100),
      };
      const created = await setAuthority(db, limits, actor.userId);
      audit({ resourceId: created.id, detail: limits });
      return limits;
    },
  });
}
