import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import {
  askForCheck,
  decideCheck,
  findCheck,
  lockedStatus,
  openChecks,
} from "./duplicate-check-store";
import { CheckAsked, CheckDecided, DuplicateChecks } from "./replies";
import { NewReferral } from "./routes";
import { cannotDecideCheck } from "./rules";

const CheckParams = z.object({ checkId: z.uuid("That is not a check's id") });
const Decision = z.discriminatedUnion(
  "decision",
  [
    z.object({
      decision: z.literal("same-person"),
      personId: z.uuid("Choose one of the possible matches"),
    }),
    z.object({ decision: z.literal("different-person") }),
  ],
  "Say whether this is the same person or a different one",
);

/**
 * The referral duplicate check, when the possible matches are not on the worker's caseload:
 * the worker asks, a team manager of their team (or an administrator) sees who and decides.
 */
export function duplicateCheckRoutes(app: App, deps: RouteDeps) {
  const tags = ["Referrals"];

  command(app, deps, {
    method: "POST",
    url: "/api/duplicate-checks",
    schema: {
      tags,
      summary:
        "Ask a team manager to check whether a new referral's person is someone already recorded",
      body: NewReferral.omit({ confirmedNew: true }),
      response: { 201: CheckAsked },
    },
    access: { action: "create", resource: "duplicate-check" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const asked = await askForCheck(db, body, actor.userId);
      audit({ resourceId: asked.checkId, detail: { possibleMatches: asked.possibleMatches } });
      return asked;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/duplicate-checks",
    schema: {
      tags,
      summary: "The open duplicate checks: the referral and the people it may be (team managers)",
      response: { 200: DuplicateChecks },
    },
    access: { action: "list", resource: "duplicate-check" },
    run: async ({ db, actor, shown }) => {
      const checks = await openChecks(db, actor);
      shown(checks.flatMap((c) => c.matches.map((m) => ({ resourceId: c.id, personId: m.id }))));
      return { checks };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/duplicate-checks/:checkId/decision",
    schema: {
      tags,
      summary:
        "Decide a duplicate check: the same person (the referral joins their record) or a different one (recorded, held by the worker who asked)",
      params: CheckParams,
      body: Decision,
      response: { 200: CheckDecided },
    },
    access: { action: "decide", resource: "duplicate-check" },
    find: ({ db, actor, params }) => findCheck(db, actor, params.checkId),
    guard: async ({ db, found }) => cannotDecideCheck(await lockedStatus(db, found.id)),
    run: async ({ db, found, body, actor, audit }) => {
      const decided = await decideCheck(db, found, body, actor.userId);
      audit({ personId: decided.personId, detail: { decision: body.decision } });
      return decided;
    },
  });
}
