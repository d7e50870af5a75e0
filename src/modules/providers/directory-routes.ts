import { z } from "zod";
import type { Actor } from "../../platform/http/actor";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { councilSettingsOf } from "../contracts/settings";
import {
  addService,
  entryHistory,
  providerComparison,
  providerWithServices,
  registerProvider,
  setFramework,
  updateProvider,
  updateService,
} from "./directory-store";
import { ProviderEntry as EntryFields, ServiceEntry } from "./entries";
import { cannotDecideIdentity } from "./identity";
import {
  askIdentityChange,
  decideIdentityChange,
  findIdentityRequest,
  identityRequestsOf,
  lockedIdentityStatus,
  openIdentityRequests,
} from "./identity-store";
import {
  Comparison,
  DirectoryHistory,
  IdentityChangeAsked,
  IdentityDecided,
  IdentityRequests,
  OwnIdentityRequests,
  Provider,
  ProviderChanged,
  ProviderEntry,
  Service,
  ServiceChanged,
} from "./replies";

const tags = ["Providers"];
const ProviderParams = z.object({ providerId: z.uuid("That is not a provider's id") });
/** What a provider asks to change of its identity: any of the three (absent: unchanged), with why. */
const IdentityAsk = z.object({
  name: EntryFields.shape.name.optional(),
  kind: EntryFields.shape.kind.optional(),
  careInspectorateNumber: z
    .string()
    .trim()
    .regex(/^(CS\d{10})?$/, "A Care Inspectorate number is CS and 10 digits")
    .transform((v) => v || null)
    .nullable()
    .optional(),
  reason: z.string().trim().max(2000).default(""),
});
const IdentityDecision = z.object({
  decision: z.enum(["approved", "rejected"], "Choose approve or reject"),
  note: z.string().trim().max(2000).default(""),
});
const ServiceParams = ProviderParams.extend({ serviceId: z.uuid("That is not a service's id") });

/**
 * A provider's own entry: provider staff stand in the "own-provider" relationship to their own
 * provider's entry only (no lookup: an unknown provider is a 404 from the store, after access).
 */
const ownEntry = (actor: Actor, providerId: string) => ({
  id: providerId,
  relationship: actor.providerId === providerId ? ("own-provider" as const) : ("none" as const),
});

export function directoryRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/providers",
    schema: {
      tags,
      summary: "Register a provider of any kind (commissioners and administrators)",
      body: EntryFields,
      response: { 201: Provider },
    },
    access: { action: "create", resource: "provider" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const provider = await registerProvider(db, body, actor.userId);
      audit({ resourceId: provider.id });
      return provider;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/providers/:providerId",
    schema: {
      tags,
      summary: "A provider's entry and its services",
      params: ProviderParams,
      response: { 200: ProviderEntry },
    },
    access: { action: "read", resource: "provider" },
    run: ({ db, params }) => providerWithServices(db, params.providerId),
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/providers/:providerId",
    schema: {
      tags,
      summary: "Update a provider's entry (a new version when anything changed)",
      params: ProviderParams,
      body: EntryFields,
      response: { 200: ProviderChanged },
    },
    access: { action: "update", resource: "provider" },
    find: ({ actor, params }) => ownEntry(actor, params.providerId),
    run: async ({ db, params, body, actor, relationship, audit }) => {
      // Its own staff keep the entry up to date; who the provider is, the council decides.
      const identityLocked = relationship === "own-provider";
      const result = await updateProvider(db, params.providerId, body, actor.userId, {
        identityLocked,
      });
      audit({ detail: { changed: result.changed } });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/providers/:providerId/identity-requests",
    schema: {
      tags,
      summary: "A provider asks the council to change its name, kind or Care Inspectorate number",
      params: ProviderParams,
      body: IdentityAsk,
      response: { 201: IdentityChangeAsked },
    },
    access: { action: "create", resource: "provider-identity" },
    find: ({ actor, params }) => ownEntry(actor, params.providerId),
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const { reason, ...requested } = body;
      const asked = await askIdentityChange(db, params.providerId, requested, reason, actor.userId);
      audit({
        resourceId: asked.id,
        detail: { providerId: params.providerId, fields: asked.fields },
      });
      return asked;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/providers/:providerId/identity-requests",
    schema: {
      tags,
      summary: "A provider's requests to change its identity, and what the council decided",
      params: ProviderParams,
      response: { 200: OwnIdentityRequests },
    },
    access: { action: "read", resource: "provider-identity" },
    find: ({ actor, params }) => ownEntry(actor, params.providerId),
    run: async ({ db, params }) => ({ requests: await identityRequestsOf(db, params.providerId) }),
  });

  command(app, deps, {
    method: "GET",
    url: "/api/provider-identity-requests",
    schema: {
      tags,
      summary: "Providers' open requests to change their identity (commissioners, administrators)",
      response: { 200: IdentityRequests },
    },
    access: { action: "list", resource: "provider-identity" },
    run: async ({ db }) => ({ requests: await openIdentityRequests(db) }),
  });

  command(app, deps, {
    method: "POST",
    url: "/api/provider-identity-requests/:requestId/decision",
    schema: {
      tags,
      summary:
        "Approve a provider's identity change (it applies, as a new version) or reject it (commissioners, administrators)",
      params: z.object({ requestId: z.uuid("That is not a request's id") }),
      body: IdentityDecision,
      response: { 200: IdentityDecided },
    },
    access: { action: "decide", resource: "provider-identity" },
    find: ({ db, params }) => findIdentityRequest(db, params.requestId),
    guard: async ({ db, found }) => cannotDecideIdentity(await lockedIdentityStatus(db, found.id)),
    run: async ({ db, found, body, actor, audit }) => {
      const decided = await decideIdentityChange(db, found, body, actor.userId);
      audit({ detail: { providerId: found.providerId, ...decided } });
      return decided;
    },
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/providers/:providerId/framework",
    schema: {
      tags,
      summary: "Put a provider on the council's framework, or take it off (commissioners)",
      params: ProviderParams,
      body: z.object({ onFramework: z.boolean("Say whether the provider is on the framework") }),
      response: { 200: ProviderChanged },
    },
    access: { action: "decide", resource: "provider" },
    run: async ({ db, params, body, actor, audit }) => {
      const result = await setFramework(db, params.providerId, body.onFramework, actor.userId);
      audit({ resourceId: params.providerId, detail: { changed: result.changed } });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/providers/:providerId/services",
    schema: {
      tags,
      summary: "Add a service to a provider's entry",
      params: ProviderParams,
      body: ServiceEntry,
      response: { 201: Service },
    },
    access: { action: "update", resource: "provider" },
    find: ({ actor, params }) => ownEntry(actor, params.providerId),
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const service = await addService(db, params.providerId, body, actor.userId);
      audit({ resourceId: service.id, detail: { providerId: params.providerId } });
      return service;
    },
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/providers/:providerId/services/:serviceId",
    schema: {
      tags,
      summary: "Update a service: availability, rate, localities and the rest (versioned)",
      params: ServiceParams,
      body: ServiceEntry,
      response: { 200: ServiceChanged },
    },
    access: { action: "update", resource: "provider" },
    find: ({ actor, params }) => ownEntry(actor, params.providerId),
    run: async ({ db, params, body, actor, audit }) => {
      const { providerId, serviceId } = params;
      const result = await updateService(db, providerId, serviceId, body, actor.userId);
      audit({ resourceId: serviceId, detail: { changed: result.changed } });
      return result;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/providers/compare",
    schema: {
      tags,
      summary: "A shortlist side by side: services, rates, grades, framework and financial health",
      querystring: z.object({
        ids: z
          .string()
          .transform((v) => [...new Set(v.split(",").filter(Boolean))])
          .pipe(
            z
              .array(z.uuid("Each id must be a provider's id"))
              .min(1, "Name at least one provider")
              .max(5, "Compare at most five providers"),
          ),
      }),
      response: { 200: Comparison },
    },
    access: { action: "read", resource: "provider" },
    run: async ({ db, query, may }) => {
      // The reasons are for council staff; others see a rating only where the council publishes it.
      const reasons = may("read", "provider-health-reasons");
      const rating = reasons || (await councilSettingsOf(db)).publishHealthRating;
      return { providers: await providerComparison(db, query.ids, { reasons, rating }) };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/providers/:providerId/history",
    schema: {
      tags,
      summary: "Every version of a provider's entry and services, newest first",
      params: ProviderParams,
      response: { 200: DirectoryHistory },
    },
    access: { action: "read", resource: "provider" },
    run: async ({ db, params }) => ({ versions: await entryHistory(db, params.providerId) }),
  });
}
