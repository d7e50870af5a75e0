// Talking Points personal outcomes for people who use services (Joint Improvement Team,
// Cook & Miller 2012), from ../shared/data/scottish-frameworks/eligibility_and_outcomes.json.

export const TALKING_POINTS = {
  "Quality of life": [
    "Feeling safe",
    "Having things to do",
    "Seeing people",
    "Staying as well as you can",
    "Living where you want/as you want",
    "Dealing with stigma/discrimination",
  ],
  Process: ["Listened to", "Having a say", "Treated with respect", "Responded to", "Reliability"],
  Change: [
    "Improved confidence/morale",
    "Improved skills",
    "Improved mobility",
    "Reduced symptoms",
  ],
} as const;

export const TALKING_POINT_OUTCOMES: string[] = Object.values(TALKING_POINTS).flat();
