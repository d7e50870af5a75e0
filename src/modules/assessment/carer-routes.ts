import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../platform/db/client";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { Problem } from "../../platform/http/problem";
import { users } from "../identity/schema";
import { requireAccess } from "../people/access";
import { carerPlanKind } from "./carers";
import { PersonParams } from "./routes";
import { carerAssessments } from "./schema";

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

export async function carerAssessmentsFor(db: Db, personId: string) {
  const rows = await db
    .select({ assessment: carerAssessments, byName: users.displayName })
    .from(carerAssessments)
    .innerJoin(users, eq(users.id, carerAssessments.recordedBy))
    .where(eq(carerAssessments.personId, personId))
    .orderBy(desc(carerAssessments.recordedAt));
  return rows.map(({ assessment: { recordedBy, personId: _, ...a }, byName }) => ({
    ...a,
    recordedBy: { id: recordedBy, displayName: byName },
  }));
}

export function carerAssessmentRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/people/:personId/carer-assessments",
    {
      schema: {
        tags: ["Assessment"],
        summary:
          "Record a carer's own assessment: adult carer support plan or young carer statement",
        params: PersonParams,
        body: NewCarerAssessment,
        response: { 201: z.object({ id: z.uuid(), kind: z.string() }) },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "carer-assessment",
        personId,
      });
      const { atSchool, ...body } = request.body;
      const kind = carerPlanKind(
        body.carerDateOfBirth,
        new Date().toISOString().slice(0, 10),
        atSchool,
      );
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(carerAssessments)
          .values({ ...body, kind, personId, recordedBy: actor.userId })
          .returning({ id: carerAssessments.id });
        if (!row) throw new Problem(500, "Not saved", "The carer's assessment could not be saved.");
        await access.record(tx, { resourceId: row.id, detail: { kind } });
        return row.id;
      });
      return reply.code(201).send({ id, kind });
    },
  );
}
