import type { PlainDocument } from "../../platform/documents/pdf";

export interface DecisionFacts {
  person: { givenName: string; familyName: string };
  decision: {
    eligible: boolean;
    riskLevel: string;
    reasons: string;
    decidedAt: string;
    decidedBy: string;
  };
  outcomes: string[];
  signposts: { name: string; description: string; contact: string }[];
}

const LEVEL_WORDS: Record<string, string> = {
  critical:
    "There is a critical risk to your independence or wellbeing if you do not get support now.",
  substantial:
    "There is a substantial risk to your independence or wellbeing if you do not get support soon.",
  moderate: "There is some risk to your independence or wellbeing.",
  low: "The risk to your independence or wellbeing is low.",
};

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

/** The decision as a letter to the person: short sentences, one idea at a time. */
export function decisionLetter(facts: DecisionFacts): PlainDocument {
  const { person, decision } = facts;
  const sections: PlainDocument["sections"] = [
    {
      heading: "What we decided",
      paragraphs: decision.eligible
        ? [
            "The council will pay for support for you.",
            "Next, we will work out your budget with you.",
          ]
        : [
            "The council will not pay for support for you at the moment.",
            "You can still get help. There is a list of places that can help below.",
          ],
    },
    { heading: "Why", paragraphs: [LEVEL_WORDS[decision.riskLevel] ?? "", decision.reasons] },
  ];
  if (facts.outcomes.length > 0) {
    sections.push({
      heading: "What matters to you",
      paragraphs: facts.outcomes.map((o) => `“${o}”`),
    });
  }
  if (!decision.eligible) {
    sections.push({
      heading: "Places that can help",
      paragraphs: facts.signposts.length
        ? facts.signposts.map((s) => `${s.name}. ${s.description} Contact: ${s.contact}`)
        : ["Ask your social worker about groups and services near you."],
    });
  }
  sections.push({
    heading: "If you do not agree",
    paragraphs: [
      "You can ask us to look at the decision again. Talk to your social worker, or anyone you trust can do this for you.",
      "You can also make a complaint. We will explain how.",
    ],
  });
  return {
    title: "Your eligibility decision",
    subtitle: `For ${person.givenName} ${person.familyName}. Decided on ${day(decision.decidedAt)} by ${decision.decidedBy}.`,
    sections,
    footer:
      "This letter was made by Cairn for your council. Ask us for it in another format or language.",
  };
}
