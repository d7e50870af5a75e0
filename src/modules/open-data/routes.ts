import { z } from "zod";
import type { Db } from "../../platform/db/client";
import type { App, RouteDeps } from "../../platform/http/app";
import { publicRoute } from "../../platform/http/command";
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
  supportTypeOfTerm,
  TAXONOMY,
  taxonomyTerms,
  UK_PROFILE,
} from "./hsds";
import { About, HsdsPage, HsdsRecord } from "./replies";
import { oneProvider, oneService, providerPage, serviceAtLocationOf, servicePage } from "./store";

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

const OPEN = "open data: the published directory of providers and services, no person's data";

function openDataRoutesIn(app: App, deps: RouteDeps) {
  /** One page of services, each shown as `toItem` shows it. */
  async function listServices<T>(
    db: Db,
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
  const one = { 200: HsdsRecord };
  const aPage = { 200: HsdsPage };

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/`,
    schema: { tags, summary: "About this Open Referral API", response: { 200: About } },
    public: OPEN,
    run: () => ({ version: HSDS_VERSION, profile: UK_PROFILE, openapi_url: "/api/openapi.json" }),
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/services`,
    schema: {
      tags,
      summary: "Services, a page at a time, with the standard filters",
      querystring: ServiceFilters,
      response: aPage,
    },
    public: OPEN,
    run: ({ db, query }) => listServices(db, query, service),
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/services/:id`,
    schema: { tags, summary: "One service, fully nested", params: Id, response: one },
    public: OPEN,
    run: async ({ db, params }) => {
      const found = await oneService(db, params.id);
      if (!found) throw notFound("That service");
      return serviceFull(found.service, found.provider);
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/service_at_locations`,
    schema: {
      tags,
      summary: "Services at their locations, a page at a time",
      querystring: ServiceFilters,
      response: aPage,
    },
    public: OPEN,
    run: ({ db, query }) => listServices(db, query, serviceAtLocation),
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/service_at_locations/:id`,
    schema: { tags, summary: "One service at its location", params: Id, response: one },
    public: OPEN,
    run: async ({ db, params }) => {
      const found = await serviceAtLocationOf(db, params.id);
      if (!found) throw notFound("That service at a location");
      return serviceAtLocation(found.service, found.provider);
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/organizations`,
    schema: {
      tags,
      summary: "Organizations (providers), a page at a time",
      querystring: Paging,
      response: aPage,
    },
    public: OPEN,
    run: async ({ db, query: q }) => {
      const { total, rows } = await providerPage(db, q.search, q.page, q.per_page);
      return page(rows.map(organization), total, q.page, q.per_page);
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/organizations/:id`,
    schema: { tags, summary: "One organization with its services", params: Id, response: one },
    public: OPEN,
    run: async ({ db, params }) => {
      const found = await oneProvider(db, params.id);
      if (!found) throw notFound("That organization");
      return organizationFull(found.provider, found.services);
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/taxonomies`,
    schema: { tags, summary: "Taxonomies used", querystring: Paging, response: aPage },
    public: OPEN,
    run: ({ query }) => {
      const all = query.page === 1 ? [TAXONOMY] : [];
      return page(all, 1, query.page, query.per_page);
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/taxonomies/:id`,
    schema: { tags, summary: "One taxonomy", params: Id, response: one },
    public: OPEN,
    run: ({ params }) => {
      if (params.id !== TAXONOMY.id) throw notFound("That taxonomy");
      return { ...TAXONOMY, taxonomy_terms: taxonomyTerms() };
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/taxonomy_terms`,
    schema: { tags, summary: "Taxonomy terms", querystring: Paging, response: aPage },
    public: OPEN,
    run: ({ query }) => {
      const { page: n, per_page: size } = query;
      const all = taxonomyTerms();
      return page(all.slice((n - 1) * size, n * size), all.length, n, size);
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: `${BASE}/taxonomy_terms/:id`,
    schema: { tags, summary: "One taxonomy term", params: Id, response: one },
    public: OPEN,
    run: ({ params }) => {
      const term = taxonomyTerms().find((t) => t.id === params.id);
      if (!term) throw notFound("That taxonomy term");
      return term;
    },
  });
}
