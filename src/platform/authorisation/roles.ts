/** Everyone who signs in to Cairn holds exactly one of these roles. */
export const ROLES = [
  "supported-person",
  "representative",
  "social-worker",
  "team-manager",
  "provider-staff",
  "finance-officer",
  "commissioner",
  "administrator",
] as const;
export type Role = (typeof ROLES)[number];
