import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { isoDate, requiredText } from "../../platform/http/fields";
import { conflict } from "../../platform/http/problem";
import { PersonParams } from "../people/params";
import {
  Caseloads,
  EndedAuthority,
  ErasureReply,
  MovedCaseload,
  PersonSearch,
  RetentionReview,
  RetentionSettings,
} from "./replies";
import { cannotEndAuthority, cannotMoveCaseload } from "./rules";
import {
  approveErasure,
  caseloads,
  casesPastRetention,
  endAuthority,
  erasureList,
  findErasure,
  findRepresentative,
  findWorker,
  isPastRetention,
  moveCaseload,
  proposeErasure,
  retentionPeriods,
  searchPeople,
  setRetentionPeriods,
} from "./store";
import { subjectAccessZip } from "./subject-access";
import { gatherSubjectAccess } from "./subject-access-store";

const today = () => new Date().toISOString().slice(0, 10);

const whole = (label: string, max: number) =>
  z
    .number(`${label} must be a whole number`)
    .int(`${label} must be a whole number`)
    .min(1, `${label} must be at least 1`)
    .max(max, `${label} must be at most ${max}`);

const NewRetention = z.object({
  closedCaseYears: whole("Years to keep a closed case", 100),
  signInAttemptDays: whole("Days to keep sign-in attempts", 3650),
  expiredSessionDays: whole("Days to keep expired sessions", 3650),
  selfReferralDays: whole("Days to keep a self-referral never accepted", 3650),
});

const ErasureParams = z.object({ erasureId: z.uuid("That is not an erasure's id") });

const BASIS =
  "Cairn has no 'case closed' state yet: a case counts as closed from its last activity (the newest referral, assessment, budget, plan or recorded change).";

export function dataProtectionRoutes(app: App, deps: RouteDeps) {
  const tags = ["Data protection"];

  command(app, deps, {
    method: "GET",
    url: "/api/data-protection/people",
    schema: {
      tags,
      summary: "Find a person by name or CHI number, for a subject access request",
      querystring: z.object({ search: z.string().trim().max(200).default("") }),
      response: { 200: PersonSearch },
    },
    access: { action: "list", resource: "data-protection" },
    run: async ({ db, query, shown }) => {
      const found = await searchPeople(db, query.search);
      shown(
        found.map((p) => ({ resourceId: p.id, personId: p.id })),
        { search: "name or CHI" },
      );
      return { people: found };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/subject-access.zip",
    schema: {
      tags,
      summary:
        "Everything held about a person, every version, and who read or changed it: a zip of HTML, JSON and letters (PDF)",
      params: PersonParams,
      produces: ["application/zip"],
    },
    access: { action: "read", resource: "data-protection" },
    find: ({ params }) => ({ personId: params.personId, id: params.personId }),
    run: async ({ db, params, actor, reply, audit }) => {
      const record = await gatherSubjectAccess(db, params.personId, actor.displayName);
      const zip = subjectAccessZip(record);
      audit({
        detail: {
          export: "subject-access",
          rows: record.sections.reduce((n, s) => n + s.rows.length, 0),
          letters: Object.keys(record.letters),
        },
      });
      reply
        .type("application/zip")
        .header(
          "content-disposition",
          `attachment; filename="subject-access-${params.personId}.zip"`,
        );
      return Buffer.from(zip);
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/retention-settings",
    schema: {
      tags,
      summary: "The council's retention periods",
      response: { 200: RetentionSettings },
    },
    access: { action: "read", resource: "data-protection" },
    run: ({ db }) => retentionPeriods(db),
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/retention-settings",
    schema: {
      tags,
      summary: "Set the council's retention periods",
      body: NewRetention,
      response: { 200: RetentionSettings },
    },
    access: { action: "update", resource: "data-protection" },
    run: async ({ db, body, actor, audit }) => {
      await setRetentionPeriods(db, body, actor.userId);
      audit({ resourceId: "retention-settings", detail: body });
      return retentionPeriods(db);
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/retention-review",
    schema: {
      tags,
      summary: "Closed cases past retention, for review, and the erasures proposed and done",
      response: { 200: RetentionReview },
    },
    access: { action: "list", resource: "data-protection" },
    run: async ({ db, shown }) => {
      const { closedCaseYears } = await retentionPeriods(db);
      const due = await casesPastRetention(db, closedCaseYears, today());
      const list = await erasureList(db);
      shown(
        due.map((p) => ({ resourceId: p.id, personId: p.id })),
        { review: "past retention" },
      );
      return { closedCaseYears, basis: BASIS, due, erasures: list };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/erasures",
    schema: {
      tags,
      summary: "Propose erasing a person whose case is past retention (a second person approves)",
      params: PersonParams,
      body: z.object({ reason: requiredText("Say why the record can be erased", 2000) }),
      response: { 201: ErasureReply },
    },
    access: { action: "create", resource: "data-protection" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    guard: async ({ db, params }) => {
      const { closedCaseYears } = await retentionPeriods(db);
      return (await isPastRetention(db, params.personId, closedCaseYears, today()))
        ? null
        : `This case is not past its retention period (${closedCaseYears} years since the last activity).`;
    },
    run: async ({ db, params, body, actor, audit }) => {
      const id = await proposeErasure(db, params.personId, body.reason, actor.userId);
      audit({ resourceId: id, detail: { erasure: "proposed" } });
      return { id, personId: params.personId, status: "proposed" };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/erasures/:erasureId/approval",
    schema: {
      tags,
      summary:
        "Approve a proposed erasure (never the proposer): the person is anonymised at once, the audit and money totals stay",
      params: ErasureParams,
      response: { 200: ErasureReply },
    },
    access: { action: "approve", resource: "data-protection" },
    find: async ({ db, params }) => findErasure(db, params.erasureId),
    lock: true,
    run: async ({ db, params, actor, audit }) => {
      const personId = await approveErasure(db, params.erasureId, actor.userId);
      audit({ resourceId: params.erasureId, detail: { erasure: "approved and anonymised" } });
      return { id: params.erasureId, personId, status: "erased" };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/representatives/:representativeId/end",
    schema: {
      tags,
      summary: "End a representative's authority: their access to the person stops at once",
      params: PersonParams.extend({
        representativeId: z.uuid("That is not a representative's id"),
      }),
      body: z.object({
        endedOn: isoDate("The date the authority ended"),
        reason: requiredText("Say why the authority ended", 2000),
      }),
      response: { 200: EndedAuthority },
    },
    access: { action: "update", resource: "representative" },
    find: ({ db, params }) => findRepresentative(db, params.personId, params.representativeId),
    lock: true,
    guard: async ({ db, params, body }) =>
      cannotEndAuthority(
        await findRepresentative(db, params.personId, params.representativeId),
        body.endedOn,
        today(),
      ),
    run: async ({ db, params, body, actor, audit }) => {
      await endAuthority(db, params.representativeId, body, actor.userId);
      audit({ detail: { ended: "authority", endedOn: body.endedOn } });
      return { id: params.representativeId, endedOn: body.endedOn };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/caseloads",
    schema: {
      tags,
      summary: "Workers and the people allocated to each (a team manager: their own team)",
      response: { 200: Caseloads },
    },
    access: { action: "list", resource: "caseload" },
    run: async ({ db, actor, shown }) => {
      if (actor.role === "team-manager" && !actor.teamId) return { workers: [] };
      const workers = await caseloads(db, actor.role === "team-manager" ? actor.teamId : null);
      shown(workers.flatMap((w) => w.people.map((p) => ({ resourceId: p.id, personId: p.id }))));
      return { workers };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/caseloads/move",
    schema: {
      tags,
      summary:
        "Move all (or the chosen) people allocated to one worker to another, in one transaction, audited per person",
      body: z.object({
        fromWorkerId: z.uuid("Choose the worker whose caseload moves"),
        toWorkerId: z.uuid("Choose the worker who takes it on"),
        personIds: z.array(z.uuid("That is not a person's id")).max(1000).optional(),
      }),
      response: { 200: MovedCaseload },
    },
    access: { action: "update", resource: "caseload" },
    guard: async ({ db, body, actor }) =>
      cannotMoveCaseload(
        actor,
        await findWorker(db, body.fromWorkerId, "fromWorkerId"),
        await findWorker(db, body.toWorkerId, "toWorkerId"),
      ),
    run: async ({ db, body, shown }) => {
      if (body.personIds && body.personIds.length === 0)
        throw conflict("Choose at least one person to move.");
      const moved = await moveCaseload(db, body.fromWorkerId, body.toWorkerId, body.personIds);
      shown(
        moved.map((id) => ({ resourceId: id, personId: id })),
        { moved: { from: body.fromWorkerId, to: body.toWorkerId } },
      );
      return { moved: moved.length, personIds: moved };
    },
  });
}
