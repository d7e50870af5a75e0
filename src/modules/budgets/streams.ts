/** Where a budget's money comes from: pure, so reply schemas and the web can use it. */
export const FUNDING_STREAMS = [
  "social-care",
  "health",
  "independent-living-fund",
  "carers-support",
  "housing-support",
  "other",
] as const;
export type FundingStream = (typeof FUNDING_STREAMS)[number];
