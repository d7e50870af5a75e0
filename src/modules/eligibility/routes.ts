import { z } from "zod";
import { letterRoute } from "../../platform/documents/letter-route";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import { PersonParams } from "../assessment/routes";
import { decisionLetterOf } from "./letter-store";
import { RISK_LEVELS, SIGN_OFF_RULES } from "./levels";
import {
  Criteria as CriteriaReply,
  DecisionRecorded,
  SignOffSetting as SignOffReply,
} from "./replies";
import {
  cannotDecideNow,
  currentCriteria,
  decideEligibility,
  publishCriteria,
  setSignOff,
  signOffSetting,
} from "./store";

const NewDecision = z.object({
  riskLevel: z.enum(RISK_LEVELS, "Choose the risk level"),
  reasons: requiredText("Give the reasons for the decision"),
});
const Criteria = z.object({
  fundedLevels: z
    .array(z.enum(RISK_LEVELS, "Choose levels from the framework"))
    .min(1, "Fund at least one risk level"),
  publishedText: requiredText("Write the criteria as the public will read them"),
});
const SignOffSetting = z
  .object({
    rule: z.enum(SIGN_OFF_RULES, "Choose when a team manager signs off an assessment"),
    fromLevel: z.enum(RISK_LEVELS, "Choose the risk level").nullable().default(null),
  })
  .refine((s) => (s.rule === "from-level") === (s.fromLevel !== null), {
    path: ["fromLevel"],
    message: "Choose the lowest risk level that needs sign-off (only with that choice)",
  });

export function eligibilityRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  const tags = ["Eligibility"];

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/eligibility-decisions",
    schema: {
      tags,
      summary: "Record an eligibility decision on the National Eligibility Framework",
      params: PersonParams,
      body: NewDecision,
      response: { 201: DecisionRecorded },
    },
    access: { action: "decide", resource: "eligibility-decision" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    guard: ({ db, params, body }) => cannotDecideNow(db, params.personId, body.riskLevel),
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const { id, eligible, criteriaId, signOff } = await decideEligibility(
        db,
        params.personId,
        body,
        actor.userId,
      );
      audit({ resourceId: id, detail: { eligible, criteriaId, signOff } });
      return { id, eligible };
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: "/api/eligibility-criteria",
    schema: {
      tags,
      summary: "The council's published eligibility criteria (public)",
      response: { 200: CriteriaReply },
    },
    public: "the council publishes its eligibility criteria for everyone",
    run: ({ db }) => currentCriteria(db),
  });

  command(app, deps, {
    method: "POST",
    url: "/api/eligibility-criteria",
    schema: {
      tags,
      summary: "Publish new eligibility criteria (administrators)",
      body: Criteria,
      response: { 201: CriteriaReply },
    },
    access: { action: "create", resource: "eligibility-criteria" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const fundedLevels = [...new Set(body.fundedLevels)];
      const criteria = { fundedLevels, publishedText: body.publishedText };
      const created = await publishCriteria(db, criteria, actor.userId);
      audit({ resourceId: created.id, detail: { fundedLevels } });
      return created;
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: "/api/assessment-sign-off-setting",
    schema: {
      tags,
      summary: "When a team manager signs off an assessment before eligibility (public)",
      response: { 200: SignOffReply },
    },
    public: "how the council decides eligibility is public: no one's record",
    run: ({ db }) => signOffSetting(db),
  });

  command(app, deps, {
    method: "POST",
    url: "/api/assessment-sign-off-setting",
    schema: {
      tags,
      summary: "Set when a team manager signs off an assessment (administrators)",
      body: SignOffSetting,
      response: { 201: SignOffReply },
    },
    access: { action: "create", resource: "assessment-sign-off-setting" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const id = await setSignOff(db, body, actor.userId);
      audit({ resourceId: id, detail: body });
      return signOffSetting(db);
    },
  });

  letterRoute(app, deps, {
    url: "/api/people/:personId/eligibility-decision.pdf",
    tag: "Eligibility",
    summary: "The decision as a plain-language letter to the person (PDF)",
    missing: "An eligibility decision for this person",
    build: (personId) => decisionLetterOf(db, personId),
  });
}
