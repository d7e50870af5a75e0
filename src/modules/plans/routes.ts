import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { isoDate, requiredText } from "../../platform/http/fields";
import { PersonParams } from "../assessment/routes";
import {
  ProviderRequested,
  RequestAnswered,
  RequestsToProvider,
  RequestToProvider,
} from "./replies";
import { SDS_OPTIONS } from "./statuses";
import {
  answerRequest,
  cannotChooseNow,
  cannotRespondNow,
  findRequest,
  requestProvider,
  requestsToProvider,
  requestToProvider,
} from "./store";

const Choice = z
  .object({
    option: z.enum(SDS_OPTIONS, "Choose Option 1, 2 or 3"),
    providerId: z.uuid("Choose a provider from the list").optional(),
    reason: z.string().trim().max(2000).default(""),
    /** The provider may see what matters to the person before it agrees (off by default). */
    shareOutcomes: z.boolean("Say yes or no").default(false),
  })
  .refine((c) => c.option !== "2" || c.providerId, {
    path: ["providerId"],
    message: "With Option 2, choose the provider who will hold your budget",
  });
const RequestParams = z.object({ requestId: z.uuid("That is not a request's id") });
const Acceptance = z.object({
  startDate: isoDate("Start date"),
  committedHoursPerWeek: z.number().int("Hours must be a whole number").min(1).max(168),
});
const Decline = z.object({ reason: requiredText("Say why you cannot take this on", 2000) });

export function planRoutes(app: App, deps: RouteDeps) {
  const tags = ["Support plans"];

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/provider-requests",
    schema: {
      tags,
      summary: "The person's choice of SDS option and provider",
      params: PersonParams,
      body: Choice,
      response: { 201: ProviderRequested },
    },
    access: { action: "choose", resource: "support-plan" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    guard: ({ db, params, body }) => cannotChooseNow(db, params.personId, body.providerId),
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const chosen = await requestProvider(db, params.personId, body, actor.userId);
      audit({
        resourceId: chosen.planId,
        detail: { option: body.option, providerId: body.providerId },
      });
      return chosen;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/provider-requests",
    schema: {
      tags,
      summary: "The requests sent to the provider signed in, waiting or accepted",
      response: { 200: RequestsToProvider },
    },
    access: { action: "list", resource: "support-plan" },
    run: async ({ db, actor, personIds, shown }) => {
      // Those naming the provider, of the people it may answer for (the same rules as one).
      const requests = await requestsToProvider(db, actor.providerId, personIds("respond"));
      shown(requests.map((r) => ({ resourceId: r.id, personId: r.person.id })));
      return { requests };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/provider-requests/:requestId",
    schema: {
      tags,
      summary:
        "One request, as the provider asked sees it: the support, hours, locality and what the person agreed to share",
      params: RequestParams,
      response: { 200: RequestToProvider },
    },
    access: { action: "read", resource: "provider-request" },
    find: ({ db, params }) => findRequest(db, params.requestId),
    run: async ({ db, found, audit }) => {
      const summary = await requestToProvider(db, found.id);
      audit({ detail: { outcomesShared: summary.outcomesShared } });
      return summary;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/provider-requests/:requestId/acceptance",
    schema: {
      tags,
      summary: "The provider accepts the request",
      params: RequestParams,
      body: Acceptance,
      response: { 200: RequestAnswered },
    },
    access: { action: "respond", resource: "support-plan" },
    find: ({ db, params }) => findRequest(db, params.requestId),
    lock: true,
    guard: ({ db, found }) => cannotRespondNow(db, found),
    run: async ({ db, found, body, actor, audit }) => {
      audit({ detail: { event: "accepted" } });
      return answerRequest(db, found, { event: "accepted", ...body }, actor.userId);
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/provider-requests/:requestId/decline",
    schema: {
      tags,
      summary: "The provider declines the request, with a reason",
      params: RequestParams,
      body: Decline,
      response: { 200: RequestAnswered },
    },
    access: { action: "respond", resource: "support-plan" },
    find: ({ db, params }) => findRequest(db, params.requestId),
    lock: true,
    guard: ({ db, found }) => cannotRespondNow(db, found),
    run: async ({ db, found, body, actor, audit }) => {
      audit({ detail: { event: "declined" } });
      return answerRequest(db, found, { event: "declined", reason: body.reason }, actor.userId);
    },
  });
}
