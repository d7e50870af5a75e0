import type { Clause, ContractTemplate } from "./template";
import type { ContractKind } from "./terms";

// The templates Cairn starts with; a council edits its own (each edit a new version).

const shared = {
  outcomes: {
    topic: "outcomes",
    heading: "What the support is for",
    text: "The support is there to help {{person}} with what matters to them: {{outcomes}}.\n\nEveryone signing agrees to work towards these outcomes and to talk about them at every review.",
    easyRead: [
      "The support is to help with what matters to {{person}}.",
      "What matters: {{outcomes}}.",
    ],
  },
  reviews: {
    topic: "reviews",
    heading: "Reviews",
    text: "The first review is on or before {{reviewDate}}, and then at least once a year. {{person}} can ask for a review at any time. A review looks at whether the outcomes are being met, not only at the hours delivered.",
    easyRead: [
      "We will check how it is going by {{reviewDate}}.",
      "Then at least once a year.",
      "You can ask for a check any time.",
    ],
  },
  complaints: {
    topic: "complaints",
    heading: "Complaints",
    text: "Anyone can complain to {{council}} under its complaints procedure, and to the Scottish Public Services Ombudsman after that. A provider also has its own procedure and must tell {{council}} about complaints it receives about this support. Complaining never puts the support at risk.",
    easyRead: ["You can complain to {{council}}.", "Complaining will not stop your support."],
  },
} satisfies Record<string, Clause>;

const uplift = (who: string): Clause => ({
  topic: "rate-uplift",
  heading: "How the rate changes",
  text: `Each April any hourly rate in this agreement goes up by the same percentage as the real Living Wage announced the autumn before, so that ${who} can pay staff at least that wage. This happens without a new tender. Either party can also ask for the rate to be looked at again, showing how it is built up; the request is recorded and answered.`,
  easyRead: [
    "Each April the rate goes up with the Living Wage.",
    "Anyone can ask to talk about the rate.",
  ],
});

const statements = (who: string, how: string): Clause => ({
  topic: "statements",
  heading: "Statements of the budget",
  text: `${who} sends {{person}} a statement every month, in plain words: what came in, what was spent on what, and what is left. ${how}`,
  easyRead: ["Every month you get a statement.", "It shows what was spent and what is left."],
});

const changing = (extra: string): Clause => ({
  topic: "changing-or-ending",
  heading: "Changing or ending the arrangement",
  text: `Any change to the budget, the rate, the provider or the dates makes a new version of this agreement, with a summary of what changed, and everyone signs it again. ${extra}`,
  easyRead: ["If anything changes, we all sign again.", "You can end it and choose another way."],
});

export const DEFAULT_TEMPLATES: Record<ContractKind, ContractTemplate> = {
  "three-way": {
    kind: "three-way",
    title: "Individual Service Fund agreement for {{person}}",
    clauses: [
      {
        topic: "responsibilities",
        heading: "Who does what",
        text: "{{person}} directs the support: what, when and how, within the budget.\n\n{{provider}} holds the budget as an Individual Service Fund, arranges the support {{person}} directs, and reports the spending.\n\n{{council}} pays the budget, stays responsible for assessing need and for reviews, and remains the person's social work service.",
        easyRead: [
          "You decide what support you get and when.",
          "{{provider}} looks after the money and arranges it.",
          "{{council}} pays and checks it is working.",
        ],
      },
      shared.outcomes,
      {
        topic: "budget-and-rate",
        heading: "The budget and the rate",
        text: "The budget is {{budget}}, for: {{supports}}. {{hourlySupport}} Money not spent stays in the fund for {{person}} to use flexibly.",
        easyRead: [
          "Your budget is {{budget}}.",
          "{{hourlyEasyRead}}",
          "Money not spent stays yours to use.",
        ],
      },
      statements("{{provider}}", "{{council}} gets the same figures."),
      shared.reviews,
      changing(
        "{{person}} can end it with four weeks' notice and choose another option or provider; {{provider}} gives twelve weeks' notice so support can be arranged without a gap.",
      ),
      shared.complaints,
      uplift("{{provider}}"),
    ],
  },
  "direct-payment-agreement": {
    kind: "direct-payment-agreement",
    title: "Direct payment agreement for {{person}}",
    clauses: [
      {
        topic: "responsibilities",
        heading: "Who does what",
        text: "{{council}} pays the direct payment into an account used only for it. {{person}} uses it to arrange support that meets the outcomes below, including by employing personal assistants. {{council}} offers help with employing and payroll through an independent support organisation.",
        easyRead: [
          "{{council}} pays money into your account.",
          "You use it to buy your support.",
          "You can get help to employ staff.",
        ],
      },
      shared.outcomes,
      {
        topic: "budget-and-rate",
        heading: "The payment",
        text: "The direct payment is {{budget}}, for: {{supports}}. {{hourlySupport}} Any hourly rate is enough to pay a personal assistant at least the real Living Wage and the costs of employing.",
        easyRead: ["You get {{budget}}.", "It is enough to pay staff a fair wage."],
      },
      statements(
        "{{council}}",
        "{{person}} sends back a simple return {{returnsEvery}}; {{council}} checks it in proportion and never asks for more than it needs.",
      ),
      shared.reviews,
      changing(
        "{{person}} can stop the direct payment with four weeks' notice and choose another option; money above an agreed contingency is returned only by a recorded decision.",
      ),
      shared.complaints,
      uplift("{{person}}"),
    ],
  },
  "service-order": {
    kind: "service-order",
    title: "Service order: support for {{person}}",
    clauses: [
      {
        topic: "responsibilities",
        heading: "Who does what",
        text: "{{council}} arranges this support for {{person}} and orders it from {{provider}}. {{provider}} delivers it as {{person}} would like, within this order, and reports what was delivered. {{council}} stays responsible for assessment and reviews.",
        easyRead: [
          "{{council}} arranges your support.",
          "{{provider}} gives the support.",
          "{{council}} checks it is working.",
        ],
      },
      shared.outcomes,
      {
        topic: "budget-and-rate",
        heading: "The order and the rate",
        text: "{{council}} orders {{supports}}: {{budget}} in all. {{hourlySupport}}",
        easyRead: ["It costs {{budget}}.", "{{hourlyEasyRead}}"],
      },
      statements("{{council}}", "{{provider}} reports the hours delivered each month."),
      shared.reviews,
      changing(
        "{{council}} or {{provider}} can end the order with twelve weeks' notice so support can continue without a gap.",
      ),
      shared.complaints,
      uplift("{{provider}}"),
    ],
  },
};
