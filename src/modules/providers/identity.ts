// Who may change what of a provider's directory entry (pure).

/** The fields that say who a provider is: only the council changes them. */
export const IDENTITY_FIELDS = ["name", "kind", "careInspectorateNumber"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
type Identity = { name: string; kind: string; careInspectorateNumber: string | null };

/** The identity fields `entry` would change from `current`. */
export function identityChanges(current: Identity, entry: Partial<Identity>): IdentityField[] {
  return IDENTITY_FIELDS.filter((f) => entry[f] !== undefined && entry[f] !== current[f]);
}

/** State guard of an identity request's decision: it is decided once. */
export function cannotDecideIdentity(status: string): string | null {
  return status === "open" ? null : "This request has already been decided.";
}
