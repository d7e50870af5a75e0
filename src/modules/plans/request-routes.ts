import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { PersonParams } from "../assessment/routes";
import { OffFrameworkChoices, RequestsSent } from "./replies";
import { offFrameworkChoices, sendRequests } from "./request-store";

const Requests = z.object({
  lineId: z.uuid("Choose a support from the plan"),
  providerIds: z
    .array(z.uuid("Choose providers from the directory"))
    .min(1, "Choose at least one provider")
    .max(5, "Ask at most five providers at once")
    .refine((ids) => new Set(ids).size === ids.length, "Each provider once"),
  note: z.string().trim().max(2000).default(""),
  /** The providers may see what matters to the person before they agree (off by default). */
  shareOutcomes: z.boolean("Say yes or no").default(false),
});

/** Asking providers to take on a support in the plan; off-framework choices are kept, flagged. */
export function providerRequestRoutes(app: App, deps: RouteDeps) {
  const tags = ["Support plans"];

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/plan/requests",
    schema: {
      tags,
      summary: "Send a support in the plan to one or more providers to accept or decline",
      params: PersonParams,
      body: Requests,
      response: { 201: RequestsSent },
    },
    access: { action: "choose", resource: "support-plan" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const requests = await sendRequests(db, params.personId, body, actor.userId);
      audit({ resourceId: body.lineId, detail: { providers: body.providerIds.length } });
      return { requests };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/market/off-framework-choices",
    schema: {
      tags: ["Providers"],
      summary: "Providers people chose that are not on the framework: for procurement to add",
      response: { 200: OffFrameworkChoices },
    },
    access: { action: "read", resource: "procurement" },
    run: async ({ db }) => ({ providers: await offFrameworkChoices(db) }),
  });
}
