import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { notFound } from "../../platform/http/problem";
import { postcodeDistrict } from "../providers/postcode";
import {
  type DirectoryProvider,
  type DirectoryService,
  HSDS_VERSION,
  organization,
  organizationFull,
  page,
  service,
  serviceAtLocation,
  serviceFull,
  stableId,
  supportTypeOfTerm,
  TAXONOMY,
  taxonomyTerms,
  UK_PROFILE,
} from "./hsds";
import { allServiceIds, oneProvider, oneService, providerPage, servicePage } from "./store";

const BASE = "/api/open-referral";
const tags = ["Open data (Open Referral HSDS 3.0)"];

const Paging = z.object({
  search: z.string().trim().max(100, "Keep the search under 100 characters").default(""),
  page: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "page is a whole number from 1")
    .default("1")
    .transform(Number),
  per_page: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, "per_page is a whole number from 1 to 500")
    .default("50")
    .transform(Number)
    .refine((n) => n <= 500, "per_page is a whole number from 1 to 500"),
});

// Standard HSDS filters on facts Cairn does not hold: refused plainly, never silently ignored.
const notRecorded = (name: string) =>
  z
    .undefined(`This directory does not record what ${name} filters on, so it cannot filter by it`)
    .optional();

const ServiceFilters = Paging.extend({
  taxonomy_term_id: z.uuid("taxonomy_term_id is not a term's id").optional(),
  taxonomy_id: z.uuid("taxonomy_id is not a taxonomy's id").optional(),
  organization_id: z.uuid("organization_id is not an organization's id").optional(),
  modified_after: z.iso
    .datetime({
      offset: true,
      error: "modified_after is a date and time like 2026-11-01T00:00:00Z",
    })
    .optional(),
  postcode: z
    .string()
    .trim()
    .refine((v) => postcodeDistrict(v) !== "", "postcode is a UK postcode or its first half")
    .optional(),
  minimum_age: notRecorded("minimum_age"),
  maximum_age: notRecorded("maximum_age"),
  start_time: notRecorded("start_time"),
  end_time: notRecorded("end_time"),
  day: notRecorded("day"),
  proximity: notRecorded("proximity"),
});
type ServiceFilters = z.infer<typeof ServiceFilters>;

const Id = z.object({ id: z.uuid("That is not an id in this directory") });

const NO_TERM = "-"; // a support type no service has: a filter that matches nothing

function filtersOf(q: ServiceFilters) {
  const outsideTaxonomy = q.taxonomy_id !== undefined && q.taxonomy_id !== TAXONOMY.id;
  const term = q.taxonomy_term_id ? (supportTypeOfTerm(q.taxonomy_term_id) ?? NO_TERM) : undefined;
  return {
    search: q.search,
    supportType: outsideTaxonomy ? NO_TERM : term,
    organizationId: q.organization_id,
    modifiedAfter: q.modified_after,
    postcodeDistrict: q.postcode ? postcodeDistrict(q.postcode) : undefined,
  };
}

export function openDataRoutes(app: App, deps: RouteDeps) {
  app.register(async (scope) => {
    // Open data: anyone, from any site, may read every answer here, errors included.
    scope.addHook("onRequest", async (_request, reply) => {
      reply.header("access-control-allow-origin", "*");
    });
    openDataRoutesIn(scope as App, deps);
  });
}

function openDataRoutesIn(app: App, { db }: RouteDeps) {
  /** One page of services, each shown as `toItem` shows it. */
  async function listServices<T>(
    q: ServiceFilters,
    toItem: (s: DirectoryService, p: DirectoryProvider) => T,
  ) {
    const { total, rows } = await servicePage(db, filtersOf(q), q.page, q.per_page);
    return page(
      rows.map((r) => toItem(r.service, r.provider)),
      total,
      q.page,
      q.per_page,
    );
  }

  app.get(`${BASE}/`, { schema: { tags, summary: "About this Open Referral API" } }, async () => {
    return {
      version: HSDS_VERSION,
      profile: UK_PROFILE,
      openapi_url: "/api/openapi.json",
    };
  });

  app.get(
    `${BASE}/services`,
    {
      schema: {
        tags,
        summary: "Services, a page at a time, with the standard filters",
        querystring: ServiceFilters,
      },
    },
    async (request) => {
      return listServices(request.query, service);
    },
  );

  app.get(
    `${BASE}/services/:id`,
    { schema: { tags, summary: "One service, fully nested", params: Id } },
    async (request) => {
      const found = await oneService(db, request.params.id);
      if (!found) throw notFound("That service");
      return serviceFull(found.service, found.provider);
    },
  );

  app.get(
    `${BASE}/service_at_locations`,
    {
      schema: {
        tags,
        summary: "Services at their locations, a page at a time",
        querystring: ServiceFilters,
      },
    },
    async (request) => {
      return listServices(request.query, serviceAtLocation);
    },
  );

  app.get(
    `${BASE}/service_at_locations/:id`,
    { schema: { tags, summary: "One service at its location", params: Id } },
    async (request) => {
      const ids = await allServiceIds(db);
      const match = ids.find((s) => stableId("service-at-location", s.id) === request.params.id);
      const found = match && (await oneService(db, match.id));
      if (!found) throw notFound("That service at a location");
      return serviceAtLocation(found.service, found.provider);
    },
  );

  app.get(
    `${BASE}/organizations`,
    {
      schema: { tags, summary: "Organizations (providers), a page at a time", querystring: Paging },
    },
    async (request) => {
      const q = request.query;
      const { total, rows } = await providerPage(db, q.search, q.page, q.per_page);
      return page(rows.map(organization), total, q.page, q.per_page);
    },
  );

  app.get(
    `${BASE}/organizations/:id`,
    { schema: { tags, summary: "One organization with its services", params: Id } },
    async (request) => {
      const found = await oneProvider(db, request.params.id);
      if (!found) throw notFound("That organization");
      return organizationFull(found.provider, found.services);
    },
  );

  app.get(
    `${BASE}/taxonomies`,
    { schema: { tags, summary: "Taxonomies used", querystring: Paging } },
    async (request) => {
      const all = request.query.page === 1 ? [TAXONOMY] : [];
      return page(all, 1, request.query.page, request.query.per_page);
    },
  );

  app.get(
    `${BASE}/taxonomies/:id`,
    { schema: { tags, summary: "One taxonomy", params: Id } },
    async (request) => {
      if (request.params.id !== TAXONOMY.id) throw notFound("That taxonomy");
      return { ...TAXONOMY, taxonomy_terms: taxonomyTerms() };
    },
  );

  app.get(
    `${BASE}/taxonomy_terms`,
    { schema: { tags, summary: "Taxonomy terms", querystring: Paging } },
    async (request) => {
      const { page: n, per_page: size } = request.query;
      const all = taxonomyTerms();
      return page(all.slice((n - 1) * size, n * size), all.length, n, size);
    },
  );

  app.get(
    `${BASE}/taxonomy_terms/:id`,
    { schema: { tags, summary: "One taxonomy term", params: Id } },
    async (request) => {
      const term = taxonomyTerms().find((t) => t.id === request.params.id);
      if (!term) throw notFound("That taxonomy term");
      return term;
    },
  );
}
