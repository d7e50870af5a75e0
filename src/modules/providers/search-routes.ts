import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { asc } from "drizzle-orm";
import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { PROVIDER_KINDS, providers } from "./schema";
import { postcodeDistrict, type SupportQuery, searchProviders } from "./search";

const KIND_WORDS: Record<string, string> = {
  "in-house": "Council service",
  "arms-length-company": "Council company",
  voluntary: "Charity or voluntary group",
  private: "Private company",
  "social-enterprise": "Social enterprise",
  "micro-provider": "Small local provider",
  "user-led": "Run by disabled people",
  "employee-owned": "Owned by its staff",
  "independent-support-organisation": "Independent advice",
  "personal-assistant": "Personal assistant",
};

export const SearchQuery = z.object({
  q: z.string().trim().max(100, "Keep the words under 100 characters").default(""),
  kind: z.enum([...PROVIDER_KINDS, ""], "Choose a kind of provider from the list").default(""),
  minGrade: z
    .string()
    .regex(/^[1-6]?$/, "Choose a grade from 1 to 6")
    .default(""),
  postcode: z
    .string()
    .trim()
    .max(10)
    .refine(
      (v) => v === "" || postcodeDistrict(v) !== "",
      "Enter a postcode or its first half, like KY1",
    )
    .default(""),
});

const toQuery = (q: z.infer<typeof SearchQuery>): SupportQuery => ({
  text: q.q,
  kind: q.kind,
  minGrade: q.minGrade ? Number(q.minGrade) : null,
  postcodeDistrict: postcodeDistrict(q.postcode),
});

const html = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

const designSystemCss = readFileSync(
  createRequire(import.meta.url).resolve(
    "@scottish-government/design-system/dist/css/design-system.min.css",
  ),
  "utf8",
);

/** The public search for support: JSON for programs, and a page that needs no JavaScript. */
export function searchRoutes(app: App, { db }: RouteDeps) {
  const load = () => db.select().from(providers).orderBy(asc(providers.name));

  app.get(
    "/api/public/providers",
    {
      schema: {
        tags: ["Providers"],
        summary: "Search the directory (public; no personal data)",
        querystring: SearchQuery,
      },
    },
    async (request) => ({ providers: searchProviders(await load(), toQuery(request.query)) }),
  );

  app.get("/assets/design-system.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/css").header("cache-control", "public, max-age=86400").send(designSystemCss),
  );

  app.get("/find-support", { schema: { hide: true } }, async (request, reply) => {
    const parsed = SearchQuery.safeParse(request.query);
    const values = parsed.success ? parsed.data : { q: "", kind: "", minGrade: "", postcode: "" };
    const errors = parsed.success
      ? []
      : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
    const found = parsed.success ? searchProviders(await load(), toQuery(parsed.data)) : [];
    reply.code(parsed.success ? 200 : 400).type("text/html; charset=utf-8");
    return page(values, errors, found, Object.keys(request.query as object).length > 0);
  });
}

function page(
  values: { q: string; kind: string; minGrade: string; postcode: string },
  errors: { field: string; message: string }[],
  found: ReturnType<typeof searchProviders>,
  searched: boolean,
) {
  const option = (value: string, label: string, selected: string) =>
    `<option value="${html(value)}"${value === selected ? " selected" : ""}>${html(label)}</option>`;
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const fieldError = (field: string) =>
    errorFor(field)
      ? `<p class="ds_question__error-message" id="${field}-error">${html(errorFor(field) as string)}</p>`
      : "";
  const results = found
    .map(
      (p) => `<li class="cairn-card"><h3>${html(p.name)}</h3>
      <p>${html(KIND_WORDS[p.kind] ?? p.kind)}. ${html(p.serviceType)}${p.town ? `, ${html(p.town)}` : ""}${p.postcode ? ` (${html(p.postcode)})` : ""}.</p>
      <p>${p.minGrade ? `Lowest Care Inspectorate grade: ${p.minGrade} out of 6.` : "Not graded by the Care Inspectorate."}</p>
      ${p.summary ? `<p>${html(p.summary)}</p>` : ""}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Find support near you - Cairn</title><link rel="stylesheet" href="/assets/design-system.css">
<style>.cairn-card{border:1px solid #b3b3b3;padding:1rem 1.5rem;margin-bottom:1rem;list-style:none}</style></head>
<body><a class="ds_skip-links__link" href="#main">Skip to main content</a>
<header class="ds_site-header" style="background:#0065bd"><div class="ds_wrapper" style="padding:1rem 0"><a href="/" style="color:#fff;font-size:1.75rem;font-weight:700;text-decoration:none">Cairn</a></div></header>
<main id="main" class="ds_wrapper" style="padding:1.5rem 0 3rem">
<h1>Find support near you</h1>
<p>Search the providers that support people in this council's area. You do not need an account.</p>
${errors.length ? `<div class="ds_error-summary" role="alert"><h2 class="ds_error-summary__title">There is a problem</h2><ul class="ds_error-summary__list">${errors.map((e) => `<li><a href="#${html(e.field)}">${html(e.message)}</a></li>`).join("")}</ul></div>` : ""}
<form method="get" action="/find-support">
<div class="ds_question"><label class="ds_label" for="q">What kind of help?</label><p class="ds_hint-text" id="q-hint">For example: care at home, housing support, a town</p>${fieldError("q")}<input class="ds_input" id="q" name="q" aria-describedby="q-hint" value="${html(values.q)}"></div>
<div class="ds_question"><label class="ds_label" for="postcode">Postcode</label><p class="ds_hint-text" id="postcode-hint">Your postcode or its first half, like KY1</p>${fieldError("postcode")}<input class="ds_input ds_input--fixed-10" id="postcode" name="postcode" aria-describedby="postcode-hint" value="${html(values.postcode)}"></div>
<div class="ds_question"><label class="ds_label" for="kind">Kind of provider</label>${fieldError("kind")}<div class="ds_select-wrapper"><select class="ds_select" id="kind" name="kind">${option("", "Any kind", values.kind)}${Object.entries(
    KIND_WORDS,
  )
    .map(([k, label]) => option(k, label, values.kind))
    .join("")}</select><span class="ds_select-arrow" aria-hidden="true"></span></div></div>
<div class="ds_question"><label class="ds_label" for="minGrade">Lowest Care Inspectorate grade</label>${fieldError("minGrade")}<div class="ds_select-wrapper"><select class="ds_select" id="minGrade" name="minGrade">${option("", "Any grade", values.minGrade)}${[6, 5, 4, 3].map((g) => option(String(g), `${g} or better`, values.minGrade)).join("")}</select><span class="ds_select-arrow" aria-hidden="true"></span></div></div>
<button type="submit" class="ds_button">Search</button>
</form>
${searched && !errors.length ? `<h2 aria-live="polite">${found.length} ${found.length === 1 ? "provider" : "providers"} found</h2><ul style="padding:0">${results}</ul>` : ""}
</main></body></html>`;
}
