import { strToU8, zipSync } from "fflate";

// A subject access export, pure: every section of the person's record as readable HTML and as
// JSON, and the letters Cairn already renders, in one zip. The store gathers the rows.

export interface Section {
  /** A plain heading: "Budgets and budget entries". */
  title: string;
  /** What the section holds and why it is there, in plain words. */
  about: string;
  /** The JSON file's key: "budgetEntries". */
  key: string;
  rows: Record<string, unknown>[];
}

export interface SubjectAccess {
  personId: string;
  personName: string;
  producedAt: string;
  producedBy: string;
  sections: Section[];
  /** Who each user id in the record is, so the reader sees names, not ids. */
  people: Record<string, string>;
  /** PDFs by file name, e.g. "budget.pdf". */
  letters: Record<string, Uint8Array>;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to place in HTML: nothing the person or staff typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A field name as words: "annualAmountPence" -> "annual amount pence". */
export function words(name: string): string {
  return name
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function value(v: unknown, people: Record<string, string>): string {
  if (v === null || v === undefined || v === "") return "<em>none</em>";
  if (typeof v === "string") {
    const who = UUID.test(v) ? people[v] : undefined;
    return who ? `${escapeHtml(who)}` : escapeHtml(v);
  }
  if (typeof v === "number" || typeof v === "boolean") return escapeHtml(String(v));
  return `<pre>${escapeHtml(JSON.stringify(v, null, 2))}</pre>`;
}

/** The whole record as one readable HTML page (no script, no outside resources). */
export function subjectAccessHtml(record: SubjectAccess): string {
  const title = `Everything Cairn holds about ${record.personName}`;
  const sections = record.sections.map((s) => {
    const id = s.key;
    const rows = s.rows.length
      ? s.rows
          .map(
            (row, i) =>
              `<h3>${escapeHtml(s.title)}: ${i + 1} of ${s.rows.length}</h3>\n<dl>\n${Object.entries(
                row,
              )
                .map(
                  ([k, v]) => `<dt>${escapeHtml(words(k))}</dt><dd>${value(v, record.people)}</dd>`,
                )
                .join("\n")}\n</dl>`,
          )
          .join("\n")
      : "<p>Nothing held.</p>";
    return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(s.title)} (${s.rows.length})</h2>\n<p>${escapeHtml(s.about)}</p>\n${rows}\n</section>`;
  });
  const letters = Object.keys(record.letters);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:1em auto;line-height:1.5}dt{font-weight:bold}dd{margin:0 0 .5em 1em}pre{white-space:pre-wrap}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Produced on ${escapeHtml(record.producedAt)} by ${escapeHtml(record.producedBy)} for a subject access request. It holds every version of every record Cairn keeps about this person, and every time someone read or changed their record. The same information is in <code>record.json</code> for computers.</p>
${letters.length ? `<p>Letters: ${letters.map((l) => `<a href="letters/${escapeHtml(l)}">${escapeHtml(l)}</a>`).join(", ")}.</p>` : ""}
<nav aria-label="Contents"><ul>
${record.sections.map((s) => `<li><a href="#${s.key}">${escapeHtml(s.title)} (${s.rows.length})</a></li>`).join("\n")}
</ul></nav>
${sections.join("\n")}
</main>
</body>
</html>
`;
}

/** The zip: index.html, record.json and letters/*.pdf. */
export function subjectAccessZip(record: SubjectAccess): Uint8Array {
  const json = {
    personId: record.personId,
    producedAt: record.producedAt,
    producedBy: record.producedBy,
    people: record.people,
    ...Object.fromEntries(record.sections.map((s) => [s.key, s.rows])),
  };
  const files: Record<string, Uint8Array> = {
    "index.html": strToU8(subjectAccessHtml(record)),
    "record.json": strToU8(JSON.stringify(json, null, 2)),
  };
  for (const [name, pdf] of Object.entries(record.letters)) files[`letters/${name}`] = pdf;
  return zipSync(files, { level: 6 });
}
