import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import { Reallocated, SignOffList, SignOffView, StatusNow } from "./replies";
import {
  cannotReallocate,
  cannotWithdrawNow,
  reallocateSignOff,
  signOffsWaiting,
  signOffView,
  teamManagers,
  withdrawAssessment,
} from "./sign-off-store";
import { findAssessment } from "./store";

const AssessmentParams = z.object({ assessmentId: z.uuid("That is not an assessment's id") });
const Reallocation = z.object({
  managerId: z.uuid("Choose the team manager who will sign it off"),
  reason: requiredText("Say why the sign-off is given to this manager", 1000),
});

/** No dead ends: who may sign off, taking an assessment back, and naming a manager to do it. */
export function signOffRoutes(app: App, deps: RouteDeps) {
  const tags = ["Assessment"];

  command(app, deps, {
    method: "GET",
    url: "/api/assessments/:assessmentId/sign-off",
    schema: {
      tags,
      summary: "Whether the assessment needs sign-off, and who may give it",
      params: AssessmentParams,
      response: { 200: SignOffView },
    },
    access: { action: "read", resource: "assessment" },
    find: ({ db, params }) => findAssessment(db, params.assessmentId),
    run: async ({ db, found, may, audit }) => {
      audit({ detail: { signOff: true } });
      return signOffView(db, found, may("update"));
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/assessments/:assessmentId/withdrawal",
    schema: {
      tags,
      summary: "Take a submitted assessment back to draft (to change it, or to unblock it)",
      params: AssessmentParams,
      response: { 200: StatusNow },
    },
    access: { action: "update", resource: "assessment" },
    find: ({ db, params }) => findAssessment(db, params.assessmentId),
    lock: true,
    guard: ({ db, found }) => cannotWithdrawNow(db, found.id),
    run: async ({ db, found, audit }) => {
      audit({ detail: { withdrawn: true } });
      return withdrawAssessment(db, found.id);
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/assessment-sign-offs",
    schema: {
      tags,
      summary: "Submitted assessments council-wide, who may sign each off (administrators)",
      response: { 200: SignOffList },
    },
    access: { action: "list", resource: "assessment-sign-off" },
    // Council-wide by the policy (administrators, whoever the person): no relationship scope.
    run: async ({ db, shown }) => {
      const waiting = await signOffsWaiting(db);
      shown(waiting.map((w) => ({ resourceId: w.id, personId: w.personId })));
      // Only what the administrator needs to reallocate: no one's personal details.
      return {
        assessments: waiting.map(({ personId: _, ...w }) => w),
        managers: await teamManagers(db),
      };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/assessments/:assessmentId/sign-off-reallocation",
    schema: {
      tags,
      summary: "Name a team manager (any team) to sign off a submitted assessment",
      params: AssessmentParams,
      body: Reallocation,
      response: { 201: Reallocated },
    },
    access: { action: "create", resource: "assessment-sign-off" },
    find: ({ db, params }) => findAssessment(db, params.assessmentId),
    lock: true,
    guard: ({ db, found, body }) => cannotReallocate(db, found.id, body.managerId),
    status: 201,
    run: async ({ db, found, body, actor, audit }) => {
      audit({ detail: { managerId: body.managerId, reason: body.reason } });
      return reallocateSignOff(db, found.id, body, actor.userId);
    },
  });
}
