import { z } from "zod";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requireAccess } from "../people/access";
import {
  addService,
  directoryHistory,
  providerWithServices,
  registerProvider,
  setFramework,
  updateProvider,
  updateService,
} from "./directory-store";
import { ProviderEntry, ServiceEntry } from "./entries";
import { providerHealth } from "./health-store";
import { PROVIDER_KINDS } from "./schema";

const Provider = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  careInspectorateNumber: z.string().nullable(),
  serviceType: z.string(),
  address1: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  minGrade: z.number().int().nullable(),
  summary: z.string(),
  onFramework: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const Service = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  name: z.string(),
  description: z.string(),
  supportTypes: z.array(z.string()),
  localityIds: z.array(z.uuid()),
  capacityHoursPerWeek: z.number().int(),
  availableHoursPerWeek: z.number().int(),
  acceptingNewPeople: z.boolean(),
  hourlyRatePence: z.number().int(),
  languages: z.array(z.string()),
  accessibleInformation: z.string(),
  status: z.enum(["active", "inactive"]),
  version: z.number().int(),
  updatedAt: z.string(),
});

const ProviderParams = z.object({ providerId: z.uuid("That is not a provider's id") });
const ServiceParams = ProviderParams.extend({ serviceId: z.uuid("That is not a service's id") });
const Changed = z.object({ changed: z.array(z.string()) });

/** Provider staff stand in the "own-provider" relationship to their own entry only. */
const editing = (actor: Actor, providerId: string) => ({
  action: "update" as const,
  resource: "provider" as const,
  relationship: actor.providerId === providerId ? ("own-provider" as const) : ("none" as const),
});

export function directoryRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/providers",
    {
      schema: {
        tags: ["Providers"],
        summary: "Register a provider of any kind (commissioners and administrators)",
        body: ProviderEntry,
        response: { 201: Provider },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "provider" });
      const provider = await db.transaction(async (tx) => {
        const row = await registerProvider(tx, request.body, actor.userId);
        await access.record(tx, { resourceId: row.id });
        return row;
      });
      return reply.code(201).send(provider);
    },
  );

  app.get(
    "/api/providers/:providerId",
    {
      schema: {
        tags: ["Providers"],
        summary: "A provider's entry and its services",
        params: ProviderParams,
        response: { 200: z.object({ provider: Provider, services: z.array(Service) }) },
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "read", resource: "provider" });
      return providerWithServices(db, request.params.providerId);
    },
  );

  app.put(
    "/api/providers/:providerId",
    {
      schema: {
        tags: ["Providers"],
        summary: "Update a provider's entry (a new version when anything changed)",
        params: ProviderParams,
        body: ProviderEntry,
        response: { 200: Changed.extend({ provider: Provider }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { providerId } = request.params;
      const access = await requireAccess(db, actor, editing(actor, providerId));
      return db.transaction(async (tx) => {
        const result = await updateProvider(tx, providerId, request.body, actor.userId);
        await access.record(tx, { resourceId: providerId, detail: { changed: result.changed } });
        return result;
      });
    },
  );

  app.put(
    "/api/providers/:providerId/framework",
    {
      schema: {
        tags: ["Providers"],
        summary: "Put a provider on the council's framework, or take it off (commissioners)",
        params: ProviderParams,
        body: z.object({ onFramework: z.boolean("Say whether the provider is on the framework") }),
        response: { 200: Changed.extend({ provider: Provider }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { providerId } = request.params;
      const access = await requireAccess(db, actor, { action: "decide", resource: "provider" });
      return db.transaction(async (tx) => {
        const result = await setFramework(tx, providerId, request.body.onFramework, actor.userId);
        await access.record(tx, { resourceId: providerId, detail: { changed: result.changed } });
        return result;
      });
    },
  );

  app.post(
    "/api/providers/:providerId/services",
    {
      schema: {
        tags: ["Providers"],
        summary: "Add a service to a provider's entry",
        params: ProviderParams,
        body: ServiceEntry,
        response: { 201: Service },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { providerId } = request.params;
      const access = await requireAccess(db, actor, editing(actor, providerId));
      const service = await db.transaction(async (tx) => {
        const row = await addService(tx, providerId, request.body, actor.userId);
        await access.record(tx, { resourceId: row.id, detail: { providerId } });
        return row;
      });
      return reply.code(201).send(service);
    },
  );

  app.put(
    "/api/providers/:providerId/services/:serviceId",
    {
      schema: {
        tags: ["Providers"],
        summary: "Update a service: availability, rate, localities and the rest (versioned)",
        params: ServiceParams,
        body: ServiceEntry,
        response: { 200: Changed.extend({ service: Service }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { providerId, serviceId } = request.params;
      const access = await requireAccess(db, actor, editing(actor, providerId));
      return db.transaction(async (tx) => {
        const result = await updateService(tx, providerId, serviceId, request.body, actor.userId);
        await access.record(tx, { resourceId: serviceId, detail: { changed: result.changed } });
        return result;
      });
    },
  );

  app.get(
    "/api/providers/compare",
    {
      schema: {
        tags: ["Providers"],
        summary:
          "A shortlist side by side: services, rates, grades, framework and financial health",
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
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "read", resource: "provider" });
      const ids = request.query.ids;
      const [health, entries] = await Promise.all([
        providerHealth(db, ids),
        Promise.all(ids.map((id) => providerWithServices(db, id))),
      ]);
      return {
        providers: entries.map(({ provider, services }) => {
          const h = health.find((x) => x.id === provider.id);
          return {
            ...provider,
            services,
            health: h?.health ?? null,
            nextReviewDue: h?.nextReviewDue ?? null,
            hasContingencyPlan: Boolean(h?.contingencyPlan),
          };
        }),
      };
    },
  );

  app.get(
    "/api/providers/:providerId/history",
    {
      schema: {
        tags: ["Providers"],
        summary: "Every version of a provider's entry and services, newest first",
        params: ProviderParams,
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "read", resource: "provider" });
      await providerWithServices(db, request.params.providerId); // 404 for an unknown provider
      return { versions: await directoryHistory(db, request.params.providerId) };
    },
  );
}
