import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, Problem } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { latestAssessment } from "../assessment/store";
import { journeyFactsOf, lockPerson } from "../people/store";
import { cannotDecide, isEligible } from "./rules";
import { eligibilityDecisions, RISK_LEVELS } from "./schema";

const NewDecision = z.object({
  riskLevel: z.enum(RISK_LEVELS, "Choose the risk level"),
  reasons: requiredText("Give the reasons for the decision"),
});

export function eligibilityRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/people/:personId/eligibility-decisions",
    {
      schema: {
        tags: ["Eligibility"],
        summary: "Record an eligibility decision on the National Eligibility Framework",
        params: PersonParams,
        body: NewDecision,
        response: { 201: z.object({ id: z.uuid(), eligible: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "decide",
        resource: "eligibility-decision",
        personId,
      });
      const eligible = isEligible(request.body.riskLevel);
      const id = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const blocked = cannotDecide(await journeyFactsOf(tx, personId));
        if (blocked) throw conflict(blocked);
        const assessment = await latestAssessment(tx, personId);
        if (!assessment) throw conflict("Record an assessment before deciding eligibility.");
        const [row] = await tx
          .insert(eligibilityDecisions)
          .values({
            ...request.body,
            eligible,
            personId,
            assessmentId: assessment.id,
            decidedBy: actor.userId,
          })
          .returning({ id: eligibilityDecisions.id });
        if (!row) throw new Problem(500, "Not saved", "The decision could not be saved.");
        await access.record(tx, { resourceId: row.id, detail: { eligible } });
        return row.id;
      });
      return reply.code(201).send({ id, eligible });
    },
  );
}
