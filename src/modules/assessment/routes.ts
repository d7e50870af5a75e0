import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { recordListing } from "../../platform/audit/audit";
import type { Access } from "../../platform/authorisation/guard";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { users } from "../identity/schema";
import { requireAccess } from "../people/access";
import { people } from "../people/schema";
import { lockPerson } from "../people/store";
import {
  type AssessmentContent,
  cannotChange,
  cannotReview,
  cannotStartAnother,
  incompleteForSubmission,
} from "./rules";
import {
  assessmentSignOffReallocations,
  assessments,
  assessmentVersions,
  NATIONAL_OUTCOMES,
  PARTICIPANT_AUTHORITIES,
  PARTICIPANT_ROLES,
  personalOutcomes,
} from "./schema";
import { signOffOf } from "./sign-off-store";
import { latestAssessment } from "./store";
import { TALKING_POINT_OUTCOMES } from "./talking-points";

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
const Saved = z.object({ assessmentId: z.uuid(), version: z.number().int(), status: z.string() });

/** Writes a version: the current content on the assessment, a frozen copy, and its outcomes. */
async function saveVersion(
  tx: Db,
  assessmentId: string,
  version: number,
  content: AssessmentContent,
  actor: Actor,
) {
  const { outcomes, ...fields } = content;
  await tx
    .update(assessments)
    .set({ ...fields, version, status: "draft" })
    .where(eq(assessments.id, assessmentId));
  await tx
    .insert(assessmentVersions)
    .values({ assessmentId, version, content, savedBy: actor.userId });
  if (outcomes.length > 0) {
    await tx.insert(personalOutcomes).values(
      outcomes.map((o) => ({
        ...o,
        assessmentId,
        version,
        nationalOutcome: o.nationalOutcome || null,
        talkingPoint: o.talkingPoint || null,
      })),
    );
  }
}

export function assessmentRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Assessment"];

  /** Loads an assessment, checks access to its person, and locks both inside a transaction. */
  async function withAssessment<T>(
    actor: Actor,
    assessmentId: string,
    action: "update" | "approve",
    work: (tx: Db, row: typeof assessments.$inferSelect, access: Access) => Promise<T>,
  ): Promise<T> {
    const [found] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
    if (!found) throw notFound("That assessment");
    const access = await requireAccess(db, actor, {
      action,
      resource: "assessment",
      personId: found.personId,
    });
    return db.transaction(async (tx) => {
      await lockPerson(tx, found.personId);
      const [row] = await tx.select().from(assessments).where(eq(assessments.id, assessmentId));
      return work(tx, row as typeof found, access);
    });
  }

  app.post(
    "/api/people/:personId/assessments",
    {
      schema: {
        tags,
        summary: "Start an assessment (saved as a draft, version 1)",
        params: PersonParams,
        body: Content,
        response: { 201: Saved },
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
      const assessmentId = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const blocked = cannotStartAnother((await latestAssessment(tx, personId))?.status ?? null);
        if (blocked) throw conflict(blocked);
        const [row] = await tx
          .insert(assessments)
          .values({ personId, summary: "", recordedBy: actor.userId })
          .returning({ id: assessments.id });
        if (!row) throw new Problem(500, "Not saved", "The assessment could not be saved.");
        await saveVersion(tx, row.id, 1, request.body, actor);
        await access.record(tx, { resourceId: row.id, detail: { version: 1 } });
        return row.id;
      });
      return reply.code(201).send({ assessmentId, version: 1, status: "draft" });
    },
  );

  app.put(
    "/api/assessments/:assessmentId",
    {
      schema: {
        tags,
        summary: "Save the draft again (a new version; earlier ones are kept)",
        params: AssessmentParams,
        body: Content,
        response: { 200: Saved },
      },
    },
    async (request) =>
      withAssessment(
        requireActor(request),
        request.params.assessmentId,
        "update",
        async (tx, row, access) => {
          const blocked = cannotChange(row.status);
          if (blocked) throw conflict(blocked);
          const version = row.version + 1;
          await saveVersion(tx, row.id, version, request.body, access.actor);
          await access.record(tx, { resourceId: row.id, detail: { version } });
          return { assessmentId: row.id, version, status: "draft" };
        },
      ),
  );

  app.post(
    "/api/assessments/:assessmentId/submission",
    {
      schema: {
        tags,
        summary: "Submit the assessment for a team manager's sign-off",
        params: AssessmentParams,
      },
    },
    async (request) =>
      withAssessment(
        requireActor(request),
        request.params.assessmentId,
        "update",
        async (tx, row, access) => {
          const blocked = cannotChange(row.status);
          if (blocked) throw conflict(blocked);
          // The saved version is the record of what was typed, blanks included.
          const [saved] = await tx
            .select({ content: assessmentVersions.content })
            .from(assessmentVersions)
            .where(
              and(
                eq(assessmentVersions.assessmentId, row.id),
                eq(assessmentVersions.version, row.version),
              ),
            );
          const errors = saved ? incompleteForSubmission(saved.content) : [];
          if (errors.length > 0) throw invalid(errors);
          await tx
            .update(assessments)
            .set({ status: "submitted", submittedAt: new Date().toISOString() })
            .where(eq(assessments.id, row.id));
          await access.record(tx, { resourceId: row.id, detail: { submitted: row.version } });
          return { status: "submitted" };
        },
      ),
  );

  app.post(
    "/api/assessments/:assessmentId/review",
    {
      schema: {
        tags,
        summary: "A team manager signs off or returns a submitted assessment (never its author)",
        params: AssessmentParams,
        body: Review,
      },
    },
    async (request) =>
      withAssessment(
        requireActor(request),
        request.params.assessmentId,
        "approve",
        async (tx, row, access) => {
          const signOff = await signOffOf(tx, row);
          const blocked = cannotReview(
            { status: row.status, authorId: row.recordedBy, editorIds: signOff.editorIds },
            access.actor.userId,
          );
          if (blocked)
            throw conflict(row.status === "submitted" ? `${blocked} ${signOff.waiting}` : blocked);
          const status = request.body.decision === "approve" ? "approved" : "returned";
          await tx
            .update(assessments)
            .set({
              status,
              reviewedBy: access.actor.userId,
              reviewedAt: new Date().toISOString(),
              reviewNote: request.body.note,
            })
            .where(eq(assessments.id, row.id));
          await access.record(tx, { resourceId: row.id, detail: { status, version: row.version } });
          return { status };
        },
      ),
  );

  app.get(
    "/api/assessments/awaiting-review",
    {
      schema: {
        tags,
        summary: "Assessments submitted in the manager's team, waiting for sign-off",
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await requireAccess(db, actor, { action: "list", resource: "assessment" });
      const rows = await db
        .select({
          id: assessments.id,
          personId: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          submittedAt: assessments.submittedAt,
          version: assessments.version,
          authorId: users.id,
          authorName: users.displayName,
        })
        .from(assessments)
        .innerJoin(people, eq(people.id, assessments.personId))
        .innerJoin(users, eq(users.id, assessments.recordedBy))
        .where(
          and(
            eq(assessments.status, "submitted"),
            or(
              eq(users.teamId, actor.teamId ?? "00000000-0000-0000-0000-000000000000"),
              // Named by an administrator to sign off another team's assessment.
              inArray(
                assessments.id,
                db
                  .select({ id: assessmentSignOffReallocations.assessmentId })
                  .from(assessmentSignOffReallocations)
                  .where(eq(assessmentSignOffReallocations.managerId, actor.userId)),
              ),
            ),
          ),
        )
        .orderBy(assessments.submittedAt);
      await recordListing(
        db,
        actor,
        "assessment",
        rows.map((r) => ({ resourceId: r.id, personId: r.personId })),
      );
      return {
        assessments: rows.map(
          ({ authorId, authorName, personId, givenName, familyName, ...r }) => ({
            ...r,
            person: { id: personId, givenName, familyName },
            author: { id: authorId, displayName: authorName },
          }),
        ),
      };
    },
  );
}
