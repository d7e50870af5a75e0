import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordListing } from "../../platform/audit/audit";
import { authorise } from "../../platform/authorisation/policy";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { levelsNeedingSignOff, signOffWords } from "../eligibility/rules";
import { currentSignOff } from "../eligibility/store";
import { users } from "../identity/schema";
import { requireAccess } from "../people/access";
import { teams } from "../people/schema";
import { lockPerson } from "../people/store";
import { cannotWithdraw } from "./rules";
import { assessmentSignOffReallocations, assessments } from "./schema";
import { signOffOf } from "./sign-off-store";

const AssessmentParams = z.object({ assessmentId: z.uuid("That is not an assessment's id") });
const Reallocation = z.object({
  managerId: z.uuid("Choose the team manager who will sign it off"),
  reason: requiredText("Say why the sign-off is given to this manager", 1000),
});

/** No dead ends: who may sign off, taking an assessment back, and naming a manager to do it. */
export function signOffRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Assessment"];

  async function find(assessmentId: string) {
    const [row] = await db.select().from(assessments).where(eq(assessments.id, assessmentId));
    if (!row) throw notFound("That assessment");
    return row;
  }

  app.get(
    "/api/assessments/:assessmentId/sign-off",
    {
      schema: {
        tags,
        summary: "Whether the assessment needs sign-off, and who may give it",
        params: AssessmentParams,
      },
    },
    async (request) => {
      const row = await find(request.params.assessmentId);
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "assessment",
        personId: row.personId,
      });
      const [signOff, setting] = [await signOffOf(db, row), await currentSignOff(db)];
      await access.record(db, { resourceId: row.id, detail: { signOff: true } });
      return {
        status: row.status,
        setting: signOffWords(setting),
        needed: levelsNeedingSignOff(setting),
        author: signOff.author,
        mayAct: signOff.mayAct,
        waiting: row.status === "submitted" ? signOff.waiting : null,
        // A manager named to sign off may do only that; case holders may take it back.
        canWithdraw:
          cannotWithdraw(row.status) === null &&
          authorise({
            role: access.actor.role,
            relationship: access.relationship,
            action: "update",
            resource: "assessment",
          }).allowed,
      };
    },
  );

  app.post(
    "/api/assessments/:assessmentId/withdrawal",
    {
      schema: {
        tags,
        summary: "Take a submitted assessment back to draft (to change it, or to unblock it)",
        params: AssessmentParams,
      },
    },
    async (request) => {
      const found = await find(request.params.assessmentId);
      const access = await requireAccess(db, requireActor(request), {
        action: "update",
        resource: "assessment",
        personId: found.personId,
      });
      return db.transaction(async (tx) => {
        await lockPerson(tx, found.personId);
        const [row] = await tx.select().from(assessments).where(eq(assessments.id, found.id));
        const blocked = cannotWithdraw(row?.status ?? found.status);
        if (blocked) throw conflict(blocked);
        await tx.update(assessments).set({ status: "draft" }).where(eq(assessments.id, found.id));
        await access.record(tx, { resourceId: found.id, detail: { withdrawn: true } });
        return { status: "draft" };
      });
    },
  );

  app.get(
    "/api/assessment-sign-offs",
    {
      schema: {
        tags,
        summary: "Submitted assessments council-wide, who may sign each off (administrators)",
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await requireAccess(db, actor, { action: "list", resource: "assessment-sign-off" });
      const waiting = await db
        .select()
        .from(assessments)
        .where(eq(assessments.status, "submitted"))
        .orderBy(assessments.submittedAt);
      const items = [];
      for (const row of waiting) {
        const s = await signOffOf(db, row);
        // Only what the administrator needs to reallocate: no one's personal details.
        items.push({
          id: row.id,
          submittedAt: row.submittedAt,
          author: s.author,
          mayAct: s.mayAct,
          named: s.named,
          waiting: s.waiting,
        });
      }
      await recordListing(
        db,
        actor,
        "assessment-sign-off",
        waiting.map((r) => ({ resourceId: r.id, personId: r.personId })),
      );
      const managers = await db
        .select({ id: users.id, displayName: users.displayName, team: teams.name })
        .from(users)
        .leftJoin(teams, eq(teams.id, users.teamId))
        .where(eq(users.role, "team-manager"))
        .orderBy(users.displayName);
      return { assessments: items, managers };
    },
  );

  app.post(
    "/api/assessments/:assessmentId/sign-off-reallocation",
    {
      schema: {
        tags,
        summary: "Name a team manager (any team) to sign off a submitted assessment",
        params: AssessmentParams,
        body: Reallocation,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const found = await find(request.params.assessmentId);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "assessment-sign-off",
        personId: found.personId,
      });
      const { managerId, reason } = request.body;
      const [manager] = await db.select().from(users).where(eq(users.id, managerId));
      if (manager?.role !== "team-manager")
        throw invalid([{ path: "managerId", message: "Choose a team manager" }]);
      const result = await db.transaction(async (tx) => {
        await lockPerson(tx, found.personId);
        const [row] = await tx.select().from(assessments).where(eq(assessments.id, found.id));
        if (row?.status !== "submitted")
          throw conflict(
            `Only a submitted assessment waits for sign-off (this one is ${row?.status}).`,
          );
        const { author, editorIds } = await signOffOf(tx, row);
        if (managerId === author.id || editorIds.includes(managerId))
          throw invalid([
            { path: "managerId", message: "Choose a manager who neither wrote nor changed it" },
          ]);
        await tx
          .insert(assessmentSignOffReallocations)
          .values({ assessmentId: row.id, managerId, reason, reallocatedBy: actor.userId });
        await access.record(tx, { resourceId: row.id, detail: { managerId, reason } });
        return { assessmentId: row.id, named: { id: managerId, displayName: manager.displayName } };
      });
      return reply.code(201).send(result);
    },
  );
}
