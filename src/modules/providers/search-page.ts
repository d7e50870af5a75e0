import { formatPence } from "../budgets/money";
import type { searchSupport } from "./search";
import { LANGUAGES, SUPPORT_TYPES } from "./support-types";

// The public search page as plain HTML, so the results work without JavaScript.

export const KIND_WORDS: Record<string, string> = {
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

const html = (text: unknown) =>
  String(text ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

type Found = Awaited<ReturnType<typeof searchSupport>>;
type Result = Found["results"][number];

interface PageModel {
  values: Record<string, unknown>;
  errors: { field: string; message: string }[];
  found: Found | null;
  areas: { id: string; name: string }[];
  perPage: number;
}

const typeName = (code: string) => SUPPORT_TYPES.find((t) => t.code === code)?.name ?? code;

function resultCard(r: Result) {
  const languages = r.languages.map((l) => LANGUAGES[l as keyof typeof LANGUAGES] ?? l);
  const contact = [r.phone && `phone ${html(r.phone)}`, r.email && `email ${html(r.email)}`]
    .filter(Boolean)
    .join(", ");
  return `<li class="cairn-card"><h3>${html(r.serviceName)}: ${html(r.providerName)}</h3>
<p>${html(KIND_WORDS[r.kind] ?? r.kind)}. ${html(r.supportTypes.map(typeName).join(", "))}.</p>
<dl class="cairn-facts">
<dt>Cost</dt><dd>${formatPence(r.hourlyRatePence)} an hour</dd>
<dt>Can start now</dt><dd>${r.acceptingNewPeople && r.availableHoursPerWeek > 0 ? `Yes, about ${r.availableHoursPerWeek} hours a week free` : "No, full just now"}</dd>
<dt>Areas</dt><dd>${html(r.localities.join(", "))}</dd>
<dt>Languages</dt><dd>${html(languages.join(", "))}</dd>
<dt>Care Inspectorate</dt><dd>${r.minGrade ? `Lowest grade ${r.minGrade} out of 6` : "Not graded"}</dd>
${contact ? `<dt>Contact</dt><dd>${contact}</dd>` : ""}
</dl>
<p>${html(r.accessibleInformation)}</p></li>`;
}

function pager(model: PageModel) {
  const { found, values, perPage } = model;
  if (!found) return "";
  const page = Number(values.page) || 1;
  const link = (to: number, label: string) => {
    const params = new URLSearchParams(
      Object.entries(values).map(([k, v]) => [k, k === "page" ? String(to) : String(v ?? "")]),
    );
    return `<a class="ds_link" href="/find-support?${html(params.toString())}">${label}</a>`;
  };
  const links = [
    page > 1 ? link(page - 1, "Previous page") : "",
    page * perPage < found.total ? link(page + 1, "Next page") : "",
  ].filter(Boolean);
  return links.length ? `<nav aria-label="Pages of results"><p>${links.join(" | ")}</p></nav>` : "";
}

function select(
  id: string,
  label: string,
  options: [string, string][],
  value: unknown,
  error: string,
) {
  const opts = options
    .map(
      ([v, l]) => `<option value="${html(v)}"${v === value ? " selected" : ""}>${html(l)}</option>`,
    )
    .join("");
  return `<div class="ds_question"><label class="ds_label" for="${id}">${label}</label>${error}<div class="ds_select-wrapper"><select class="ds_select" id="${id}" name="${id}">${opts}</select><span class="ds_select-arrow" aria-hidden="true"></span></div></div>`;
}

/**
 * The page's own rules, served after the design system's in its one stylesheet
 * (/assets/design-system.css): the Content-Security-Policy allows no inline style.
 */
export const SEARCH_PAGE_CSS =
  ".cairn-card{border:1px solid #b3b3b3;padding:1rem 1.5rem;margin-bottom:1rem;list-style:none}.cairn-facts dt{font-weight:700}.cairn-facts dd{margin:0 0 .5rem}.cairn-results{padding:0}.cairn-header{background:#0065bd}.cairn-header__inner{padding:1rem 0}.cairn-header__home{color:#fff;font-size:1.75rem;font-weight:700;text-decoration:none}.cairn-main{padding:1.5rem 0 3rem}";

export function searchPage(model: PageModel) {
  const { values, errors, found, areas } = model;
  const errorFor = (field: string) => {
    const message = errors.find((e) => e.field === field)?.message;
    return message
      ? `<p class="ds_question__error-message" id="${field}-error">${html(message)}</p>`
      : "";
  };
  const input = (id: string, label: string, hint: string, extra = "") =>
    `<div class="ds_question"><label class="ds_label" for="${id}">${label}</label><p class="ds_hint-text" id="${id}-hint">${hint}</p>${errorFor(id)}<input class="ds_input ${extra}" id="${id}" name="${id}" aria-describedby="${id}-hint" value="${html(values[id])}"></div>`;
  const shown = found
    ? `<h2 aria-live="polite">${found.total} ${found.total === 1 ? "service" : "services"} found</h2>
<ul class="cairn-results">${found.results.map(resultCard).join("\n")}</ul>${pager(model)}`
    : "";
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${errors.length ? "Error: " : ""}Find support near you - Cairn</title><link rel="stylesheet" href="/assets/design-system.css"></head>
<body><a class="ds_skip-links__link" href="#main">Skip to main content</a>
<header class="ds_site-header cairn-header"><div class="ds_wrapper cairn-header__inner"><a href="/" class="cairn-header__home">Cairn</a></div></header>
<main id="main" class="ds_wrapper cairn-main">
<h1>Find support near you</h1>
<p>Search the services that support people in this council's area. You do not need an account.</p>
${errors.length ? `<div class="ds_error-summary" role="alert"><h2 class="ds_error-summary__title">There is a problem</h2><ul class="ds_error-summary__list">${errors.map((e) => `<li><a href="#${html(e.field)}">${html(e.message)}</a></li>`).join("")}</ul></div>` : ""}
<form method="get" action="/find-support">
${input("q", "What kind of help?", "For example: care at home, gardening, a town")}
${select("supportType", "Type of support", [["", "Any type"], ...SUPPORT_TYPES.map((t): [string, string] => [t.code, t.name])], values.supportType, errorFor("supportType"))}
${select("locality", "Area", [["", "Anywhere"], ...areas.map((a): [string, string] => [a.id, a.name])], values.locality, errorFor("locality"))}
${input("postcode", "Postcode of the provider's office", "Your postcode or its first half, like KY1", "ds_input--fixed-10")}
${select("kind", "Kind of provider", [["", "Any kind"], ...Object.entries(KIND_WORDS)], values.kind, errorFor("kind"))}
${select("minGrade", "Lowest Care Inspectorate grade", [["", "Any grade"], ...[6, 5, 4, 3].map((g): [string, string] => [String(g), `${g} or better`])], values.minGrade, errorFor("minGrade"))}
${select("language", "Language", [["", "Any language"], ...Object.entries(LANGUAGES)], values.language, errorFor("language"))}
<div class="ds_question"><div class="ds_checkbox ds_checkbox--small"><input class="ds_checkbox__input" type="checkbox" id="available" name="available" value="yes"${values.available === "yes" ? " checked" : ""}><label class="ds_checkbox__label" for="available">Only services that can start now</label></div></div>
<input type="hidden" name="page" value="1">
<button type="submit" class="ds_button">Search</button>
</form>
${shown}
</main></body></html>`;
}
