// Pure (no drizzle), so the reply schemas and the web can use it.

/** Kinds of provider named in the statutory guidance on SDS (seed 000, 10.3). */
export const PROVIDER_KINDS = [
  "in-house",
  "arms-length-company",
  "voluntary",
  "private",
  "social-enterprise",
  "micro-provider",
  "user-led",
  "employee-owned",
  "independent-support-organisation",
  "personal-assistant",
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
