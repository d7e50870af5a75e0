import type { NATIONAL_OUTCOMES } from "../modules/assessment/schema";

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
