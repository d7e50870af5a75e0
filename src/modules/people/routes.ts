import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { conflict, notFound, Problem } from "../../platform/http/problem";
import { carerAssessmentsFor } from "../assessment/carer-routes";
import { latestAssessment } from "../assessment/store";
import { restOfFinancialYear } from "../budgets/ras";
import { currentBudget, pendingBudget } from "../budgets/store";
import { latestDecision } from "../eligibility/store";
import { hashPassword } from "../identity/passwords";
import { users } from "../identity/schema";
import { latestPlan } from "../plans/store";
import { referralsFor } from "../referrals/store";
import { requireAccess } from "./access";
import { PersonRecord, PersonSummary } from "./contract";
import { localities, people, representatives } from "./schema";
import { journeyStage } from "./stage";
import { journeyFactsOf, listPeople, personRows } from "./store";

const PersonParams = z.object({ personId: z.uuid("That is not a person's id") });
const AUTHORITIES = representatives.authority.enumValues;
const NewAccount = z
  .object({
    kind: z.enum(["person", "representative"]),
    email: z.email("Enter a valid email address").trim().toLowerCase(),
    displayName: z.string().trim().min(1, "Enter the name").max(200),
    relationship: z.string().trim().max(100).optional(),
    authority: z.enum(AUTHORITIES).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "representative") return;
    if (!value.relationship)
      ctx.addIssue({ code: "custom", path: ["relationship"], message: "Say how they are related" });
    if (!value.authority)
      ctx.addIssue({
        code: "custom",
        path: ["authority"],
        message: "Choose the authority they hold",
      });
  });

export function peopleRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  const tags = ["People"];

  app.get(
    "/api/localities",
    {
      schema: {
        tags,
        summary: "Localities of the council (public: the self-referral form needs them)",
      },
    },
    async () => {
      return { localities: await db.select().from(localities).orderBy(asc(localities.name)) };
    },
  );

  command(app, deps, {
    method: "GET",
    url: "/api/people",
    schema: {
      tags,
      summary: "The people the signed-in user works with or is",
      response: { 200: z.object({ people: z.array(PersonSummary) }) },
    },
    access: { action: "list", resource: "person" },
    run: async ({ db, personIds, shown }) => {
      const list = await listPeople(db, personIds("read"));
      shown(list.map((p) => ({ resourceId: p.id, personId: p.id })));
      return { people: list };
    },
  });

  app.get(
    "/api/people/:personId",
    {
      schema: {
        tags,
        summary: "A person's record, as far as the journey goes",
        params: PersonParams,
        response: { 200: PersonRecord },
      },
    },
    async (request) => {
      const { personId } = request.params;
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "person",
        personId,
      });
      const [summary] = await personRows(db, eq(people.id, personId));
      if (!summary) throw notFound("That person");
      const [referralList, assessment, eligibility, budget, plan, reps, carers, pending] =
        await Promise.all([
          referralsFor(db, personId),
          latestAssessment(db, personId),
          latestDecision(db, personId),
          currentBudget(db, personId),
          latestPlan(db, personId),
          representativesOf(db, personId),
          carerAssessmentsFor(db, personId),
          pendingBudget(db, personId),
        ]);
      await access.record(db, { resourceId: personId });
      const stage = journeyStage(await journeyFactsOf(db, personId));
      return {
        ...summary,
        stage,
        referrals: referralList,
        assessment,
        eligibility,
        budget,
        plan,
        representatives: reps,
        carerAssessments: carers,
        pendingBudget: pending,
        // Support that starts part-way through the year: the budget from then to 31 March.
        budgetThisYear:
          budget && plan?.startDate
            ? restOfFinancialYear(budget.annualAmountPence, plan.startDate)
            : null,
      };
    },
  );

  app.post(
    "/api/people/:personId/accounts",
    {
      schema: {
        tags,
        summary: "Give the person, or someone acting for them, a Cairn sign-in",
        params: PersonParams,
        body: NewAccount,
        response: {
          201: z.object({ userId: z.uuid(), email: z.string(), initialPassword: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const body = request.body;
      const access = await requireAccess(db, requireActor(request), {
        action: "create",
        resource: "account",
        personId,
      });
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, body.email));
      if (existing)
        throw conflict("That email already has an account.", [
          { path: "email", message: "This email already has an account" },
        ]);
      const initialPassword = randomBytes(12).toString("base64url");
      const passwordHash = await hashPassword(initialPassword);
      const userId = await db.transaction(async (tx) => {
        const [person] = await tx
          .select({ userId: people.userId })
          .from(people)
          .where(eq(people.id, personId))
          .for("update");
        if (body.kind === "person" && person?.userId)
          throw conflict("This person already has a sign-in.");
        const role = body.kind === "person" ? "supported-person" : "representative";
        const [user] = await tx
          .insert(users)
          .values({ email: body.email, displayName: body.displayName, role, passwordHash })
          .returning({ id: users.id });
        if (!user) throw new Problem(500, "Not saved", "The account could not be made.");
        if (body.kind === "person") {
          await tx.update(people).set({ userId: user.id }).where(eq(people.id, personId));
        } else {
          await tx.insert(representatives).values({
            personId,
            userId: user.id,
            relationship: body.relationship ?? "",
            authority: body.authority ?? "informal-carer",
          });
        }
        await access.record(tx, { resourceId: user.id, detail: { kind: body.kind } });
        return user.id;
      });
      return reply.code(201).send({ userId, email: body.email, initialPassword });
    },
  );
}

function representativesOf(db: Db, personId: string) {
  return db
    .select({
      id: representatives.id,
      displayName: users.displayName,
      relationship: representatives.relationship,
      authority: representatives.authority,
    })
    .from(representatives)
    .innerJoin(users, eq(users.id, representatives.userId))
    .where(eq(representatives.personId, personId));
}
