// Talking Points personal outcomes (mirrors src/modules/assessment/talking-points.ts).
export const TALKING_POINTS: Record<string, string[]> = {
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
};

export const TALKING_POINT_OPTIONS = Object.entries(TALKING_POINTS).flatMap(([group, items]) =>
  items.map((item) => ({ value: item, label: `${item} (${group.toLowerCase()})` })),
);
