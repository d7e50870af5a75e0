import type { PlainDocument } from "../../platform/documents/pdf";
import { formatPence, weeklyFromAnnual } from "./money";
import type { BudgetLine } from "./ras";

export interface BudgetFacts {
  person: { givenName: string; familyName: string };
  annualAmountPence: number;
  reason: string;
  setAt: string;
  lines: BudgetLine[] | null;
  streams: { stream: string; annualAmountPence: number }[];
}

const STREAMS: Record<string, string> = {
  "social-care": "Social care",
  health: "Health",
  "independent-living-fund": "Independent Living Fund",
  "carers-support": "Carers' support",
  "housing-support": "Housing support",
  other: "Other funding",
};

/** The budget and why it is this amount, as a letter to the person. */
export function budgetLetter(facts: BudgetFacts): PlainDocument {
  const sections: PlainDocument["sections"] = [
    {
      heading: "Your budget",
      paragraphs: [
        `${formatPence(facts.annualAmountPence)} a year.`,
        `That is about ${formatPence(weeklyFromAnnual(facts.annualAmountPence))} a week.`,
        `Why: ${facts.reason}.`,
      ],
    },
  ];
  if (facts.lines?.length) {
    sections.push({
      heading: "How we worked it out",
      paragraphs: facts.lines.map((l, i) => `${i + 1}. ${l.text}.`),
    });
  }
  if (facts.streams.length > 1) {
    sections.push({
      heading: "Where the money comes from",
      paragraphs: facts.streams.map(
        (s) => `${STREAMS[s.stream] ?? s.stream}: ${formatPence(s.annualAmountPence)} a year.`,
      ),
    });
  }
  sections.push({
    heading: "What happens next",
    paragraphs: [
      "You choose how your budget is managed: you can take it as a direct payment, ask a provider to hold it for you, ask the council to arrange your support, or a mix.",
      "You can spend it on anything legal that helps with what matters to you.",
      "If you think the amount is wrong, tell your social worker. You can ask for it to be looked at again.",
    ],
  });
  return {
    title: "Your budget and how we worked it out",
    subtitle: `For ${facts.person.givenName} ${facts.person.familyName}. Set on ${new Date(facts.setAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })}.`,
    sections,
    footer:
      "This letter was made by Cairn for your council. Ask us for it in another format or language.",
  };
}
