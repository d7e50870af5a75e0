import type { NATIONAL_OUTCOMES } from "../modules/assessment/vocabulary";

/** Personal outcomes as people say them, each with the need it mirrors (Talking Points). */
export const DEMO_OUTCOMES: {
  inOwnWords: string;
  need: string;
  nationalOutcome: (typeof NATIONAL_OUTCOMES)[number];
  talkingPoint: string;
}[] = [
  {
    inOwnWords: "I want to see my pals at the bowling club again",
    need: "Support to get out of the house twice a week",
    nationalOutcome: "social-inclusion",
    talkingPoint: "Seeing people",
  },
  {
    inOwnWords: "I want to stay in my own home, near my garden",
    need: "Help with personal care each morning and evening",
    nationalOutcome: "independence",
    talkingPoint: "Living where you want/as you want",
  },
  {
    inOwnWords: "I'd like to cook my own tea, not have it done for me",
    need: "Someone alongside me in the kitchen, building my confidence",
    nationalOutcome: "independence",
    talkingPoint: "Improved skills",
  },
  {
    inOwnWords: "I want to feel safe at night",
    need: "A check-in each evening and a way to call for help",
    nationalOutcome: "wellbeing",
    talkingPoint: "Feeling safe",
  },
  {
    inOwnWords: "I want to get back to swimming, it keeps my back right",
    need: "Transport and support at the pool on Thursdays",
    nationalOutcome: "health",
    talkingPoint: "Staying as well as you can",
  },
  {
    inOwnWords: "My daughter needs a break, she does everything for me",
    need: "Short breaks so my carer can rest",
    nationalOutcome: "wellbeing",
    talkingPoint: "Having things to do",
  },
  {
    inOwnWords: "I want a job, even a few hours",
    need: "Employment support and travel training",
    nationalOutcome: "social-inclusion",
    talkingPoint: "Having things to do",
  },
  {
    inOwnWords: "I want to go to the kirk on Sundays like I always did",
    need: "Support to get ready and get there",
    nationalOutcome: "social-inclusion",
    talkingPoint: "Seeing people",
  },
];

export const GIVEN = [
  "Agnes",
  "Jean",
  "Margaret",
  "Isla",
  "Fraser",
  "Callum",
  "Ewan",
  "Mhairi",
  "Duncan",
  "Elspeth",
  "Hamish",
  "Kirsty",
  "Moira",
  "Niall",
  "Rhona",
  "Stuart",
  "Aileen",
  "Douglas",
  "Lorna",
  "Malcolm",
];
export const FAMILY = [
  "Mitchell",
  "Stewart",
  "Robertson",
  "Campbell",
  "Anderson",
  "MacDonald",
  "Scott",
  "Reid",
  "Murray",
  "Taylor",
  "Clark",
  "Paterson",
  "Ross",
  "Watson",
  "Fraser",
  "Hamilton",
  "Gray",
  "Kerr",
  "Duncan",
  "Wilson",
];

/** Fife Health and Social Care Partnership's seven localities. */
export const LOCALITIES = [
  "City of Dunfermline",
  "Cowdenbeath",
  "Glenrothes",
  "Kirkcaldy",
  "Levenmouth",
  "North East Fife",
  "South West Fife",
];

/** Community supports for signposting: made-up examples, named as demo, in real localities. */
export const DEMO_SUPPORTS: {
  name: string;
  description: string;
  contact: string;
  locality: string | null;
  nationalOutcomes: string[];
  talkingPoints: string[];
}[] = [
  {
    name: "Kirkcaldy Lunch Club (demo)",
    description: "A hot lunch and good company every Wednesday.",
    contact: "Ask at Kirkcaldy Galleries",
    locality: "Kirkcaldy",
    nationalOutcomes: ["social-inclusion", "wellbeing"],
    talkingPoints: ["Seeing people", "Having things to do"],
  },
  {
    name: "Glenrothes Men's Shed (demo)",
    description: "Make and mend things with others, at your own pace.",
    contact: "Drop in on Tuesdays",
    locality: "Glenrothes",
    nationalOutcomes: ["social-inclusion"],
    talkingPoints: ["Having things to do", "Seeing people", "Improved skills"],
  },
  {
    name: "Levenmouth Walking Group (demo)",
    description: "Gentle walks along the coast, with a cup of tea after.",
    contact: "Meet at Leven promenade, Fridays 10am",
    locality: "Levenmouth",
    nationalOutcomes: ["health", "social-inclusion"],
    talkingPoints: ["Staying as well as you can", "Seeing people"],
  },
  {
    name: "Dunfermline Community Garden (demo)",
    description: "Grow food and flowers with neighbours.",
    contact: "Visit on Saturday mornings",
    locality: "City of Dunfermline",
    nationalOutcomes: ["wellbeing", "health"],
    talkingPoints: ["Having things to do", "Staying as well as you can"],
  },
  {
    name: "Cupar Chair Exercise (demo)",
    description: "Seated exercise to keep you moving.",
    contact: "Cupar Corn Exchange, Mondays",
    locality: "North East Fife",
    nationalOutcomes: ["health", "independence"],
    talkingPoints: ["Improved mobility", "Staying as well as you can"],
  },
  {
    name: "Fife Befriending Phone Line (demo)",
    description: "A friendly call each week from a volunteer.",
    contact: "Ask your social worker to refer you",
    locality: null,
    nationalOutcomes: ["wellbeing", "social-inclusion"],
    talkingPoints: ["Seeing people", "Feeling safe"],
  },
  {
    name: "Fife Carers Centre (demo)",
    description: "Advice, breaks and support for unpaid carers.",
    contact: "Ask your social worker",
    locality: null,
    nationalOutcomes: ["wellbeing"],
    talkingPoints: ["Listened to", "Having a say"],
  },
  {
    name: "Fife Employability Support (demo)",
    description: "Help to find work, training or volunteering.",
    contact: "Ask at any Fife library",
    locality: null,
    nationalOutcomes: ["independence", "social-inclusion"],
    talkingPoints: ["Improved skills", "Improved confidence/morale"],
  },
];
