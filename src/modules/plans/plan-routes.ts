import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { PersonParams } from "../assessment/routes";
import { decidePlan } from "./decision-store";
import { ChoiceInput, PlanInput } from "./plan-fields";
import { chooseOptions, planView, writePlan } from "./plan-store";
import { PlanDecided, PlanReply, PlanVersionSaved } from "./replies";
import { PLAN_DECISIONS } from "./statuses";

const Decision = z
  .object({
    decision: z.enum(PLAN_DECISIONS, "Choose to approve the plan or return it"),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((d) => d.decision === "approved" || d.note, {
    path: ["note"],
    message: "Say what needs to change",
  });

/** The support plan: supports for each outcome, costed; the person's choice; approval. */
export function supportPlanRoutes(app: App, deps: RouteDeps) {
  const tags = ["Support plans"];
  const person = ({ params }: { params: { personId: string } }) => ({
    personId: params.personId,
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/plan",
    schema: {
      tags,
      summary: "The person's support plan, costed, with its history",
      params: PersonParams,
      response: { 200: PlanReply },
    },
    access: { action: "read", resource: "support-plan" },
    find: person,
    run: async ({ db, params, may, audit }) => {
      const plan = await planView(db, params.personId);
      audit({ resourceId: plan?.id, detail: { version: plan?.version ?? null } });
      return {
        plan,
        may: {
          update: may("update"),
          choose: may("choose"),
          approve: may("approve"),
          createPool: may("create", "support-pool"),
        },
      };
    },
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/people/:personId/plan",
    schema: {
      tags,
      summary: "Write the plan's supports: a new version, with what changed and why",
      params: PersonParams,
      body: PlanInput,
      response: { 201: PlanVersionSaved },
    },
    access: { action: "update", resource: "support-plan" },
    find: person,
    lock: true,
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const saved = await writePlan(db, params.personId, body, actor.userId);
      audit({ resourceId: saved.id, detail: { version: saved.version } });
      return saved;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/plan/choice",
    schema: {
      tags,
      summary: "The person's choice of option for each support, with how it was made",
      params: PersonParams,
      body: ChoiceInput,
      response: { 201: PlanVersionSaved },
    },
    access: { action: "choose", resource: "support-plan" },
    find: person,
    lock: true,
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const saved = await chooseOptions(db, params.personId, body, actor.userId);
      audit({ resourceId: saved.id, detail: { options: body.options.length } });
      return saved;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/plan/decision",
    schema: {
      tags,
      summary:
        "Approve the newest version of the plan, or return it (four eyes when over thresholds)",
      params: PersonParams,
      body: Decision,
      response: { 201: PlanDecided },
    },
    access: { action: "approve", resource: "support-plan" },
    find: person,
    lock: true,
    status: 201,
    run: async ({ db, params, body, actor, relationship, may, audit }) => {
      // A manager approving over budget also approves the budget it needs.
      const approvesBudget = body.decision === "approved" && may("approve", "budget");
      const { versionId, decided } = await decidePlan(db, params.personId, body, {
        actor,
        relationship,
        approvesBudget,
      });
      audit({ resourceId: versionId, detail: { decision: body.decision } });
      return decided;
    },
  });
}
