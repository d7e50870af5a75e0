import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { publicRoute } from "../../platform/http/command";
import { parsePounds } from "../../platform/money/pounds";
import { PROVIDER_KINDS } from "./kinds";
import { postcodeDistrict } from "./postcode";
import { SupportSearch, Vocabulary } from "./replies";
import { type SupportQuery, searchSupport } from "./search";
import { SEARCH_PAGE_CSS, searchPage } from "./search-page";
import { searchAreas } from "./store";
import { LANGUAGE_CODES, LANGUAGES, SUPPORT_TYPE_CODES, SUPPORT_TYPES } from "./support-types";

const choice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum([...values, ""] as [...T, ""], message).default("");

export const SearchQuery = z.object({
  q: z.string().trim().max(100, "Keep the words under 100 characters").default(""),
  kind: choice(PROVIDER_KINDS, "Choose a kind of provider from the list"),
  supportType: choice(SUPPORT_TYPE_CODES, "Choose a type of support from the list"),
  language: choice(LANGUAGE_CODES, "Choose a language from the list"),
  locality: z.union([z.literal(""), z.uuid("Choose an area from the list")]).default(""),
  minGrade: z
    .string()
    .regex(/^[1-6]?$/, "Choose a grade from 1 to 6")
    .default(""),
  postcode: z
    .string()
    .trim()
    .max(10, "Enter a postcode or its first half, like KY1")
    .refine(
      (v) => v === "" || postcodeDistrict(v) !== "",
      "Enter a postcode or its first half, like KY1",
    )
    .default(""),
  available: z.enum(["", "yes"], 'Available is "yes" or left out').default(""),
  maxRate: z
    .string()
    .trim()
    .refine((v) => v === "" || !("error" in parsePounds(v)), "Enter a most per hour like 25.00")
    .default(""),
  page: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, "The page is a whole number from 1")
    .default("1"),
});
export type SearchValues = z.infer<typeof SearchQuery>;

export const toSupportQuery = (q: SearchValues): SupportQuery => {
  const rate = q.maxRate ? parsePounds(q.maxRate) : null;
  return {
    text: q.q,
    kind: q.kind,
    minGrade: q.minGrade ? Number(q.minGrade) : null,
    postcodeDistrict: postcodeDistrict(q.postcode),
    localityId: q.locality,
    supportType: q.supportType,
    availableNow: q.available === "yes",
    maxRatePence: rate && "pence" in rate ? rate.pence : null,
    language: q.language,
  };
};

const PER_PAGE = 20;

const designSystemCss = `${readFileSync(
  createRequire(import.meta.url).resolve(
    "@scottish-government/design-system/dist/css/design-system.min.css",
  ),
  "utf8",
)}\n${SEARCH_PAGE_CSS}\n`;

const NO_PERSON = "the published directory of services: no person's data";

/** The public search for support: JSON for programs, and a page that needs no JavaScript. */
export function searchRoutes(app: App, deps: RouteDeps) {
  publicRoute(app, deps, {
    method: "GET",
    url: "/api/public/support",
    schema: {
      tags: ["Providers"],
      summary: "Search services in the directory (public; no personal data), 20 a page",
      querystring: SearchQuery,
      response: { 200: SupportSearch },
    },
    public: NO_PERSON,
    run: async ({ db, query }) => {
      const page = Number(query.page);
      const found = await searchSupport(db, toSupportQuery(query), page, PER_PAGE);
      return { ...found, page, perPage: PER_PAGE };
    },
  });

  publicRoute(app, deps, {
    method: "GET",
    url: "/api/public/vocabulary",
    schema: {
      tags: ["Providers"],
      summary: "The types of support and the languages the directory uses (public)",
      response: { 200: Vocabulary },
    },
    public: "the directory's published words for types of support and languages: no data",
    run: () => ({
      supportTypes: SUPPORT_TYPES,
      languages: Object.entries(LANGUAGES).map(([code, name]) => ({ code, name })),
    }),
  });

  publicRoute(app, deps, {
    method: "GET",
    url: "/assets/design-system.css",
    schema: { tags: ["Providers"], summary: "The public search page's stylesheet", hide: true },
    public: "the stylesheet of the public search page: no data",
    run: ({ reply }) => {
      reply.type("text/css").header("cache-control", "public, max-age=86400");
      return designSystemCss;
    },
  });

  // Server-rendered HTML, not under /api/, yet public all the same: declared so.
  publicRoute(app, deps, {
    method: "GET",
    url: "/find-support",
    schema: { tags: ["Providers"], summary: "The public search page (no JavaScript)", hide: true },
    public: NO_PERSON,
    run: async ({ db, request, reply }) => {
      const parsed = SearchQuery.safeParse(request.query);
      const values = parsed.success ? parsed.data : SearchQuery.parse({});
      const errors = parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
      const searched = Object.keys(request.query as object).length > 0 && parsed.success;
      const found = searched
        ? await searchSupport(db, toSupportQuery(values), Number(values.page), PER_PAGE)
        : null;
      const areas = await searchAreas(db);
      reply.code(parsed.success ? 200 : 400).type("text/html; charset=utf-8");
      return searchPage({
        values: parsed.success ? values : { ...values, ...(request.query as object) },
        errors,
        found,
        areas,
        perPage: PER_PAGE,
      });
    },
  });
}
