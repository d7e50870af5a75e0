import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordListing } from "../../platform/audit/audit";
import { requireAccess } from "../../platform/authorisation/guard";
import type { Db } from "../../platform/db/client";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { secondPersonWaiting, whoMaySignOff } from "../assessment/rules";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { lockPerson, teamManagersOf } from "../people/store";
import { parseBudgetAmount } from "./money";
import { cannotDecideBudget } from "./rules";
import { budgetApprovals, budgetAuthority, budgetEntries } from "./schema";
import { awaitingApproval, currentAuthority } from "./store";

/** Who may approve the proposer's amount (never the proposer), or how to unblock it. */
async function whoMayApprove(db: Db, entry: { setBy: string; personId: string }) {
  const [author] = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, entry.setBy));
  const mayAct = whoMaySignOff({
    authorId: entry.setBy,
    editorIds: [],
    teamManagers: await teamManagersOf(db, entry.personId),
    named: null,
  });
  return secondPersonWaiting(author ?? { id: entry.setBy, displayName: "the proposer" }, mayAct, {
    act: "approval",
    unblock: "The allocated worker can propose the amount again for a manager to approve.",
  });
}

const Decision = z
  .object({
    decision: z.enum(["approved", "rejected"], "Choose to approve or reject"),
    note: z.string().trim().max(2000).default(""),
  })
  .refine((d) => d.decision === "approved" || d.note, {
    path: ["note"],
    message: "Say why it is rejected",
  });

/** Budgets above a social worker's authority, and the team manager's decision on them. */
export function budgetApprovalRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Budgets"];

  app.get(
    "/api/budgets/awaiting-approval",
    { schema: { tags, summary: "Amounts in the manager's team waiting for approval" } },
    async (request) => {
      const actor = requireActor(request);
      await requireAccess(db, actor, { action: "list", resource: "budget" });
      const rows = await db
        .select({
          id: budgetEntries.id,
          personId: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          annualAmountPence: budgetEntries.annualAmountPence,
          reason: budgetEntries.reason,
          approvalNeeded: budgetEntries.approvalNeeded,
          setAt: budgetEntries.setAt,
          setBy: users.displayName,
        })
        .from(budgetEntries)
        .innerJoin(people, eq(people.id, budgetEntries.personId))
        .innerJoin(users, eq(users.id, budgetEntries.setBy))
        .leftJoin(budgetApprovals, eq(budgetApprovals.budgetEntryId, budgetEntries.id))
        .where(
          and(
            awaitingApproval,
            eq(users.teamId, actor.teamId ?? "00000000-0000-0000-0000-000000000000"),
          ),
        )
        .orderBy(asc(budgetEntries.setAt));
      await recordListing(
        db,
        actor,
        "budget",
        rows.map((r) => ({ resourceId: r.id, personId: r.personId })),
      );
      return { budgets: rows };
    },
  );

  app.post(
    "/api/budget-entries/:budgetEntryId/approval",
    {
      schema: {
        tags,
        summary:
          "A team manager approves or rejects an amount above a worker's authority (never their own)",
        params: z.object({ budgetEntryId: z.uuid("That is not a budget's id") }),
        body: Decision,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [entry] = await db
        .select()
        .from(budgetEntries)
        .where(eq(budgetEntries.id, request.params.budgetEntryId));
      if (!entry) throw notFound("That budget");
      const access = await requireAccess(db, actor, {
        action: "approve",
        resource: "budget",
        personId: entry.personId,
      });
      return db.transaction(async (tx) => {
        await lockPerson(tx, entry.personId);
        const decided = await tx
          .select({ id: budgetApprovals.id })
          .from(budgetApprovals)
          .where(eq(budgetApprovals.budgetEntryId, entry.id));
        const blocked = cannotDecideBudget({ ...entry, decided: decided.length > 0 }, actor.userId);
        if (blocked && entry.setBy === actor.userId && entry.approvalNeeded && !decided.length)
          throw conflict(`${blocked} ${await whoMayApprove(tx, entry)}`);
        if (blocked) throw conflict(blocked);
        await tx
          .insert(budgetApprovals)
          .values({ budgetEntryId: entry.id, ...request.body, decidedBy: actor.userId });
        await access.record(tx, {
          resourceId: entry.id,
          detail: { decision: request.body.decision },
        });
        return { decision: request.body.decision };
      });
    },
  );
}

const AuthorityBody = z.object({
  maxAnnualAmount: z.string().max(30).describe('Pounds a year, e.g. "30,000"'),
  maxAdjustmentPercent: z.number().min(0, "From 0%").max(100, "Up to 100%"),
});

/** The council sets how far a social worker's authority goes; each change is kept. */
export function budgetAuthorityRoutes(app: App, { db }: RouteDeps) {
  app.get(
    "/api/budget-authority",
    {
      schema: {
        tags: ["Budgets"],
        summary: "The limits of a social worker's budget authority in force",
      },
    },
    async (request) => {
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "budget-authority",
      });
      const authority = await currentAuthority(db);
      await access.record(db);
      return authority;
    },
  );

  app.post(
    "/api/budget-authority",
    {
      schema: {
        tags: ["Budgets"],
        summary: "Set the limits of a social worker's budget authority (administrators)",
        body: AuthorityBody,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "budget-authority",
      });
      const amount = parseBudgetAmount(request.body.maxAnnualAmount, "maxAnnualAmount");
      if ("path" in amount) throw invalid([amount]);
      const basisPoints = Math.round(request.body.maxAdjustmentPercent * 100);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(budgetAuthority)
          .values({
            maxAnnualPence: amount.pence,
            maxAdjustmentBasisPoints: basisPoints,
            setBy: actor.userId,
          })
          .returning();
        await access.record(tx, {
          resourceId: created?.id,
          detail: { maxAnnualPence: amount.pence, basisPoints },
        });
        return created;
      });
      return reply.code(201).send({
        maxAnnualPence: row?.maxAnnualPence,
        maxAdjustmentBasisPoints: row?.maxAdjustmentBasisPoints,
      });
    },
  );
}
