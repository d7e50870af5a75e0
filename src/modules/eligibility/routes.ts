import { eq } from "drizzle-orm";
import { z } from "zod";
import { letterRoute } from "../../platform/documents/letter-route";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, Problem } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { assessments } from "../assessment/schema";
import { latestAssessment } from "../assessment/store";
import { requireAccess } from "../people/access";
import { journeyFactsOf, lockPerson, personName } from "../people/store";
import { signpostsFor } from "../providers/store";
import { decisionLetter } from "./letter";
import { cannotDecide, isEligible, signOffWords } from "./rules";
import {
  assessmentSignOffSettings,
  eligibilityCriteria,
  eligibilityDecisions,
  RISK_LEVELS,
  SIGN_OFF_RULES,
} from "./schema";
import { currentCriteria, currentSignOff, latestDecision } from "./store";

const NewDecision = z.object({
  riskLevel: z.enum(RISK_LEVELS, "Choose the risk level"),
  reasons: requiredText("Give the reasons for the decision"),
});

export function eligibilityRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
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
        const setting = await currentSignOff(tx);
        const facts = await journeyFactsOf(tx, personId);
        const blocked = cannotDecide(facts, setting, request.body.riskLevel);
        if (blocked) throw conflict(blocked);
        const assessment = await latestAssessment(tx, personId);
        if (!assessment) throw conflict("Record an assessment before deciding eligibility.");
        // Decided on without sign-off, as the setting allows: it is final, and no longer waits.
        if (assessment.status === "submitted")
          await tx
            .update(assessments)
            .set({ status: "completed" })
            .where(eq(assessments.id, assessment.id));
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
          detail: { eligible, criteriaId: criteria.id, signOff: setting.rule },
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

  const SignOffSetting = z
    .object({
      rule: z.enum(SIGN_OFF_RULES, "Choose when a team manager signs off an assessment"),
      fromLevel: z.enum(RISK_LEVELS, "Choose the risk level").nullable().default(null),
    })
    .refine((s) => (s.rule === "from-level") === (s.fromLevel !== null), {
      path: ["fromLevel"],
      message: "Choose the lowest risk level that needs sign-off (only with that choice)",
    });
  const SignOffReply = z.object({
    rule: z.enum(SIGN_OFF_RULES),
    fromLevel: z.enum(RISK_LEVELS).nullable(),
    words: z.string(),
    setAt: z.string().nullable(),
    setBy: z.string().nullable(),
  });

  app.get(
    "/api/assessment-sign-off-setting",
    {
      schema: {
        tags: ["Eligibility"],
        summary: "When a team manager signs off an assessment before eligibility (public)",
        response: { 200: SignOffReply },
      },
    },
    async () => {
      const setting = await currentSignOff(db);
      return { ...setting, words: signOffWords(setting) };
    },
  );

  app.post(
    "/api/assessment-sign-off-setting",
    {
      schema: {
        tags: ["Eligibility"],
        summary: "Set when a team manager signs off an assessment (administrators)",
        body: SignOffSetting,
        response: { 201: SignOffReply },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "assessment-sign-off-setting",
      });
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(assessmentSignOffSettings)
          .values({ ...request.body, setBy: actor.userId })
          .returning({ id: assessmentSignOffSettings.id });
        await access.record(tx, { resourceId: row?.id, detail: request.body });
      });
      const setting = await currentSignOff(db);
      return reply.code(201).send({ ...setting, words: signOffWords(setting) });
    },
  );

  letterRoute(app, deps, {
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
