import { createHash } from "node:crypto";
import type { FieldError } from "../../platform/http/problem";
import { canonical } from "./canonical";
import {
  type ContractKind,
  type ContractTerms,
  PARTIES,
  type Party,
  PLACEHOLDERS,
  placeholderValues,
  SIGNERS,
} from "./terms";

// A council's contract templates, and the document a template and the terms make.

export const CLAUSE_TOPICS = [
  "responsibilities",
  "outcomes",
  "budget-and-rate",
  "statements",
  "reviews",
  "changing-or-ending",
  "complaints",
  "rate-uplift",
] as const;
export type ClauseTopic = (typeof CLAUSE_TOPICS)[number];

export interface Clause {
  topic: ClauseTopic;
  heading: string;
  /** Plain-language text; {{placeholders}} stand for the terms. */
  text: string;
  /** The easy-read version: short sentences, one idea a line. */
  easyRead: string[];
}

export interface ContractTemplate {
  kind: ContractKind;
  title: string;
  clauses: Clause[];
}

/** Wording that moves social work risk onto providers or people: not in a Cairn contract. */
const RISK_SHIFTING: [RegExp, string][] = [
  [/indemnif/i, "an indemnity"],
  [/hold(s)? harmless/i, "a hold-harmless clause"],
  [/\ball (the )?(risks?|liabilit)/i, "taking on all risk or liability"],
  [/unlimited liabilit/i, "unlimited liability"],
  [/sole(ly)? (responsib|liab)/i, "sole responsibility or liability"],
];

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const words = (line: string) => line.trim().split(/\s+/).filter(Boolean).length;

/** Everything wrong with a template, as field errors (none: it may be published). */
export function templateProblems(t: ContractTemplate): FieldError[] {
  const errors: FieldError[] = [];
  for (const topic of CLAUSE_TOPICS) {
    const count = t.clauses.filter((c) => c.topic === topic).length;
    if (count !== 1)
      errors.push({
        path: "clauses",
        message: `Have one clause about ${topic.replaceAll("-", " ")} (there are ${count})`,
      });
  }
  t.clauses.forEach((c, i) => {
    const at = (field: string, message: string) =>
      errors.push({ path: `clauses.${i}.${field}`, message });
    for (const [, name] of `${c.text} ${c.easyRead.join(" ")}`.matchAll(PLACEHOLDER)) {
      if (!PLACEHOLDERS.includes(name as string))
        at("text", `{{${name}}} is not a term Cairn knows`);
    }
    for (const [pattern, what] of RISK_SHIFTING) {
      if (pattern.test(c.text) || c.easyRead.some((l) => pattern.test(l)))
        at("text", `Remove ${what}: a contract must not shift social work risk onto others`);
    }
    if (c.easyRead.length === 0) at("easyRead", "Give the easy-read lines for this clause");
    c.easyRead.forEach((line, j) => {
      if (words(line) > 20) at(`easyRead.${j}`, "Keep each easy-read line to 20 words or fewer");
    });
  });
  return errors;
}

export interface ContractDocument {
  kind: ContractKind;
  title: string;
  version: number;
  parties: { party: Party; name: string; signs: boolean }[];
  sections: { heading: string; paragraphs: string[]; easyRead: string[] }[];
}

const fill = (text: string, values: Record<string, string>) =>
  text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);

/** The document: the template's words with the terms put in. Pure, so the hash is stable. */
export function renderContract(
  t: ContractTemplate,
  terms: ContractTerms,
  version: number,
): ContractDocument {
  const values = placeholderValues(terms);
  const names: Record<Party, string | null> = {
    person: terms.representative ? `${terms.representative}, for ${terms.person}` : terms.person,
    provider: terms.provider,
    council: terms.council,
  };
  return {
    kind: t.kind,
    title: fill(t.title, values),
    version,
    parties: PARTIES.flatMap((party) => {
      const name = names[party];
      return name && (SIGNERS[t.kind].includes(party) || party === "person")
        ? [{ party, name, signs: SIGNERS[t.kind].includes(party) }]
        : [];
    }),
    sections: t.clauses.map((c) => ({
      heading: fill(c.heading, values),
      paragraphs: fill(c.text, values)
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean),
      easyRead: c.easyRead.map((line) => fill(line, values)),
    })),
  };
}

/** SHA-256 of the exact document: any later change to a signed document shows. */
export const documentHash = (doc: ContractDocument) =>
  createHash("sha256").update(canonical(doc)).digest("hex");
