import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { Problem } from "../../platform/http/problem";
import { assessments, NATIONAL_OUTCOMES, personalOutcomes } from "./schema";

export const PersonParams = z.object({ personId: z.uuid("That is not a person's id") });

const NewAssessment = z.object({
  summary: requiredText("Summarise the conversation"),
  strengths: z.string().trim().max(5000).default(""),
  outcomes: z
    .array(
      z.object({
        inOwnWords: requiredText("Write the outcome in the person's own words", 1000),
        need: requiredText("Say what they need to get there", 1000),
        nationalOutcome: z.enum(NATIONAL_OUTCOMES, "Choose the national outcome it supports"),
      }),
    )
    .min(1, "Record at least one personal outcome")
    .max(20),
});

export function assessmentRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/people/:personId/assessments",
    {
      schema: {
        tags: ["Assessment"],
        summary: "Record an outcomes-focused assessment",
        params: PersonParams,
        body: NewAssessment,
        response: { 201: z.object({ assessmentId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "assessment",
        personId,
      });
      const { outcomes, ...body } = request.body;
      const assessmentId = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(assessments)
          .values({ ...body, personId, recordedBy: actor.userId })
          .returning({ id: assessments.id });
        if (!row) throw new Problem(500, "Not saved", "The assessment could not be saved.");
        await tx
          .insert(personalOutcomes)
          .values(outcomes.map((o) => ({ ...o, assessmentId: row.id })));
        await access.record(tx, { resourceId: row.id });
        return row.id;
      });
      return reply.code(201).send({ assessmentId });
    },
  );
}
