import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { AwaitingReviewList, Saved, StatusNow } from "./replies";
import { cannotReviewNow } from "./sign-off-store";
import {
  awaitingReview,
  cannotChangeNow,
  cannotStartFor,
  findAssessment,
  reviewAssessment,
  saveDraft,
  startAssessment,
  submitAssessment,
} from "./store";
import { TALKING_POINT_OUTCOMES } from "./talking-points";
import { NATIONAL_OUTCOMES, PARTICIPANT_AUTHORITIES, PARTICIPANT_ROLES } from "./vocabulary";

export const PersonParams = z.object({ personId: z.uuid("That is not a person's id") });
const AssessmentParams = z.object({ assessmentId: z.uuid("That is not an assessment's id") });

const text = (max: number) => z.string().max(max, `Keep this under ${max} characters`).default("");
/** A draft may be incomplete (nothing typed is lost); completeness is checked on submission. */
const Content = z.object({
  summary: text(10_000),
  strengths: text(5000),
  informalSupport: text(5000),
  outcomes: z
    .array(
      z.object({
        inOwnWords: text(1000),
        need: text(1000),
        nationalOutcome: z
          .enum([...NATIONAL_OUTCOMES, ""], "Choose a national outcome")
          .default(""),
        talkingPoint: z
          .string()
          .refine(
            (v) => v === "" || TALKING_POINT_OUTCOMES.includes(v),
            "Choose a Talking Points outcome from the list",
          )
          .default(""),
      }),
    )
    .max(20)
    .default([]),
  risks: z
    .array(
      z.object({
        whatCouldGoWrong: text(2000),
        whatThePersonAccepts: text(2000),
        whatReducesIt: text(2000),
      }),
    )
    .max(20)
    .default([]),
  participants: z
    .array(
      z.object({
        name: text(200),
        role: z.enum(PARTICIPANT_ROLES, "Choose how they took part"),
        authority: z.enum(PARTICIPANT_AUTHORITIES, "Choose their authority").default("none"),
      }),
    )
    .max(20)
    .default([]),
});
const Review = z
  .object({
    decision: z.enum(["approve", "return"], "Choose to sign off or return it"),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((r) => r.decision === "approve" || r.note, {
    path: ["note"],
    message: "Say what needs to change",
  });

export function assessmentRoutes(app: App, deps: RouteDeps) {
  const tags = ["Assessment"];

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/assessments",
    schema: {
      tags,
      summary: "Start an assessment (saved as a draft, version 1)",
      params: PersonParams,
      body: Content,
      response: { 201: Saved },
    },
    access: { action: "create", resource: "assessment" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    guard: ({ db, params }) => cannotStartFor(db, params.personId),
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const saved = await startAssessment(db, params.personId, body, actor.userId);
      audit({ resourceId: saved.assessmentId, detail: { version: 1 } });
      return saved;
    },
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/assessments/:assessmentId",
    schema: {
      tags,
      summary: "Save the draft again (a new version; earlier ones are kept)",
      params: AssessmentParams,
      body: Content,
      response: { 200: Saved },
    },
    access: { action: "update", resource: "assessment" },
    find: ({ db, params }) => findAssessment(db, params.assessmentId),
    lock: true,
    guard: ({ db, found }) => cannotChangeNow(db, found.id),
    run: async ({ db, found, body, actor, audit }) => {
      const saved = await saveDraft(db, found.id, body, actor.userId);
      audit({ detail: { version: saved.version } });
      return saved;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/assessments/:assessmentId/submission",
    schema: {
      tags,
      summary: "Submit the assessment for a team manager's sign-off",
      params: AssessmentParams,
      response: { 200: StatusNow },
    },
    access: { action: "update", resource: "assessment" },
    find: ({ db, params }) => findAssessment(db, params.assessmentId),
    lock: true,
    guard: ({ db, found }) => cannotChangeNow(db, found.id),
    run: async ({ db, found, audit }) => {
      const { version } = await submitAssessment(db, found.id);
      audit({ detail: { submitted: version } });
      return { status: "submitted" };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/assessments/:assessmentId/review",
    schema: {
      tags,
      summary: "A team manager signs off or returns a submitted assessment (never its author)",
      params: AssessmentParams,
      body: Review,
      response: { 200: StatusNow },
    },
    access: { action: "approve", resource: "assessment" },
    find: ({ db, params }) => findAssessment(db, params.assessmentId),
    lock: true,
    guard: ({ db, found, actor }) => cannotReviewNow(db, found.id, actor.userId),
    run: async ({ db, found, body, actor, audit }) => {
      const { status, version } = await reviewAssessment(db, found.id, body, actor.userId);
      audit({ detail: { status, version } });
      return { status };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/assessments/awaiting-review",
    schema: {
      tags,
      summary: "Assessments submitted in the manager's team, waiting for sign-off",
      description:
        "Those of the people whose assessments the manager may sign off: their team's, or ones an administrator named them for.",
      response: { 200: AwaitingReviewList },
    },
    access: { action: "list", resource: "assessment" },
    run: async ({ db, personIds, shown }) => {
      const assessments = await awaitingReview(db, personIds("approve"));
      shown(assessments.map((a) => ({ resourceId: a.id, personId: a.person.id })));
      return { assessments };
    },
  });
}
