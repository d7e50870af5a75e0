/** The words of a referral, as lists: pure, so reply schemas and the web can use them. */
export const REFERRAL_SOURCES = [
  "self",
  "family-or-carer",
  "gp",
  "hospital-discharge",
  "other-professional",
] as const;

export const URGENCIES = ["routine", "soon", "urgent"] as const;
