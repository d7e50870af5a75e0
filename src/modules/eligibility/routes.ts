import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import { letterRoute } from "../../platform/documents/letter-route";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, Problem } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { latestAssessment } from "../assessment/store";
import { journeyFactsOf, lockPerson, personName } from "../people/store";
import { signpostsFor } from "../providers/store";
import { decisionLetter } from "./letter";
import { cannotDecide, isEligible } from "./rules";
import { eligibilityCriteria, eligibilityDecisions, RISK_LEVELS } from "./schema";
import { currentCriteria, latestDecision } from "./store";

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
      const { id, eligible } = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const blocked = cannotDecide(await journeyFactsOf(tx, personId));
        if (blocked) throw conflict(blocked);
        const assessment = await latestAssessment(tx, personId);
        if (!assessment) throw conflict("Record an assessment before deciding eligibility.");
        const criteria = await currentCriteria(tx);
        const eligible = isEligible(request.body.riskLevel, criteria);
        const [row] = await tx
          .insert(eligibilityDecisions)
          .values({
            ...request.body,
            eligible,
            personId,
            assessmentId: assessment.id,
            criteriaId: criteria.id,
            decidedBy: actor.userId,
          })
          .returning({ id: eligibilityDecisions.id });
        if (!row) throw new Problem(500, "Not saved", "The decision could not be saved.");
        await access.record(tx, {
          resourceId: row.id,
          detail: { eligible, criteriaId: criteria.id },
        });
        return { id: row.id, eligible };
      });
      return reply.code(201).send({ id, eligible });
    },
  );

  const Criteria = z.object({
    fundedLevels: z
      .array(z.enum(RISK_LEVELS, "Choose levels from the framework"))
      .min(1, "Fund at least one risk level"),
    publishedText: requiredText("Write the criteria as the public will read them"),
  });
  const CriteriaReply = Criteria.extend({ id: z.uuid().nullable(), setAt: z.string().nullable() });

  app.get(
    "/api/eligibility-criteria",
    {
      schema: {
        tags: ["Eligibility"],
        summary: "The council's published eligibility criteria (public)",
        response: { 200: CriteriaReply },
      },
    },
    async () => currentCriteria(db),
  );

  app.post(
    "/api/eligibility-criteria",
    {
      schema: {
        tags: ["Eligibility"],
        summary: "Publish new eligibility criteria (administrators)",
        body: Criteria,
        response: { 201: CriteriaReply },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "eligibility-criteria",
      });
      const levels = [...new Set(request.body.fundedLevels)];
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(eligibilityCriteria)
          .values({
            fundedLevels: levels,
            publishedText: request.body.publishedText,
            setBy: actor.userId,
          })
          .returning();
        if (!created) throw new Problem(500, "Not saved", "The criteria could not be saved.");
        await access.record(tx, { resourceId: created.id, detail: { fundedLevels: levels } });
        return created;
      });
      return reply.code(201).send({
        id: row.id,
        fundedLevels: row.fundedLevels,
        publishedText: row.publishedText,
        setAt: row.setAt,
      });
    },
  );

  letterRoute(app, db, {
    url: "/api/people/:personId/eligibility-decision.pdf",
    tag: "Eligibility",
    summary: "The decision as a plain-language letter to the person (PDF)",
    missing: "An eligibility decision for this person",
    build: async (personId) => {
      const decision = await latestDecision(db, personId);
      if (!decision) return null;
      const assessment = await latestAssessment(db, personId);
      const document = decisionLetter({
        person: await personName(db, personId),
        decision: { ...decision, decidedBy: decision.decidedBy.displayName },
        outcomes: assessment?.outcomes.map((o) => o.inOwnWords) ?? [],
        signposts: decision.eligible ? [] : await signpostsFor(db, personId),
      });
      return { resourceId: decision.id, document };
    },
  });
}
