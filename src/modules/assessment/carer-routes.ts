import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { recordCarerAssessment } from "./carer-store";
import { CarerAssessmentCreated } from "./replies";
import { PersonParams } from "./routes";

/** Kept here for the people module, which reads a person's carer assessments through it. */

const NewCarerAssessment = z.object({
  carerName: requiredText("Enter the carer's name", 200),
  carerDateOfBirth: dateOfBirth,
  atSchool: z.boolean().default(false),
  relationship: requiredText("Say how the carer is related to the person", 100),
  caringRole: requiredText("Describe what the carer does", 5000),
  willingAndAble: z.string().trim().max(5000).default(""),
  outcomes: z
    .array(requiredText("Write what matters to the carer, in their words", 1000))
    .min(1, "Record at least one outcome that matters to the carer")
    .max(20),
  supportNeeded: z.string().trim().max(5000).default(""),
});

export function carerAssessmentRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/carer-assessments",
    schema: {
      tags: ["Assessment"],
      summary: "Record a carer's own assessment: adult carer support plan or young carer statement",
      params: PersonParams,
      body: NewCarerAssessment,
      response: { 201: CarerAssessmentCreated },
    },
    access: { action: "create", resource: "carer-assessment" },
    find: ({ params }) => ({ personId: params.personId }),
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const created = await recordCarerAssessment(db, params.personId, body, actor.userId);
      audit({ resourceId: created.id, detail: { kind: created.kind } });
      return created;
    },
  });
}
