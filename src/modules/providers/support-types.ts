/**
 * Cairn's taxonomy of support: what a service offers, in words a person uses. Published as
 * an Open Referral taxonomy; codes are stable, labels may be reworded.
 */
export const SUPPORT_TYPES = [
  {
    code: "personal-care",
    name: "Personal care",
    description: "Help with washing, dressing, eating, going to the toilet and taking medicines.",
  },
  {
    code: "housing-support",
    name: "Housing support",
    description: "Help to run a home and keep a tenancy: bills, shopping, cooking and cleaning.",
  },
  {
    code: "day-opportunities",
    name: "Day opportunities",
    description: "Things to do during the day with other people: activities, clubs and groups.",
  },
  {
    code: "short-breaks",
    name: "Short breaks and respite",
    description: "A break away from the usual routine, for the person and for their carers.",
  },
  {
    code: "employment-support",
    name: "Employment support",
    description: "Help to find, get and keep a job or volunteering.",
  },
  {
    code: "community-connection",
    name: "Community connection",
    description: "Help to get out, meet people and take part in local life.",
  },
  {
    code: "personal-assistance",
    name: "Personal assistant",
    description: "Someone the person employs or directs to help in the way they choose.",
  },
  {
    code: "equipment",
    name: "Equipment and adaptations",
    description: "Aids, adaptations and technology that make everyday things easier or safer.",
  },
  {
    code: "learning-and-skills",
    name: "Learning and skills",
    description: "Courses and help to learn new skills, including independent living skills.",
  },
  {
    code: "carer-support",
    name: "Support for carers",
    description: "Help and breaks for the people who care for someone.",
  },
  {
    code: "advice-and-planning",
    name: "Advice and support planning",
    description: "Independent information, advice and help to plan support and manage a budget.",
  },
  {
    code: "other",
    name: "Other support",
    description: "Any other support that helps a person reach their outcomes.",
  },
] as const;

export type SupportTypeCode = (typeof SUPPORT_TYPES)[number]["code"];
export const SUPPORT_TYPE_CODES = SUPPORT_TYPES.map((t) => t.code) as [
  SupportTypeCode,
  ...SupportTypeCode[],
];

/** Languages a service can offer, by ISO 639 code (BSL is ISO 639-3 "bfi"). */
export const LANGUAGES = {
  en: "English",
  gd: "Scottish Gaelic",
  bfi: "British Sign Language",
  pl: "Polish",
  ur: "Urdu",
  pa: "Punjabi",
  ar: "Arabic",
  zh: "Chinese",
  uk: "Ukrainian",
  ro: "Romanian",
  sco: "Scots",
} as const;
export type LanguageCode = keyof typeof LANGUAGES;
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as [LanguageCode, ...LanguageCode[]];
