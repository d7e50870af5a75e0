import { PROVIDER_KINDS, type ProviderKind } from "./schema";

export interface SearchableProvider {
  id: string;
  name: string;
  kind: ProviderKind;
  serviceType: string;
  town: string | null;
  postcode: string | null;
  minGrade: number | null;
  summary: string;
}

export interface SupportQuery {
  text: string;
  kind: ProviderKind | "";
  minGrade: number | null;
  postcodeDistrict: string;
}

/** "ky1 2ab" -> "KY1"; "KY1" -> "KY1"; anything else -> "" (no district filter). */
export function postcodeDistrict(text: string): string {
  const m = /^\s*([A-Za-z]{1,2}\d[A-Za-z\d]?)(\s*\d[A-Za-z]{2})?\s*$/.exec(text);
  return m ? (m[1] as string).toUpperCase() : "";
}

/** Providers matching every filter given, best graded first. */
export function searchProviders(
  all: readonly SearchableProvider[],
  q: SupportQuery,
): SearchableProvider[] {
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  return all
    .filter((p) => !q.kind || p.kind === q.kind)
    .filter((p) => q.minGrade === null || (p.minGrade !== null && p.minGrade >= q.minGrade))
    .filter((p) => !q.postcodeDistrict || postcodeDistrict(p.postcode ?? "") === q.postcodeDistrict)
    .filter((p) => {
      const haystack = `${p.name} ${p.serviceType} ${p.town ?? ""} ${p.summary}`.toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .sort((a, b) => (b.minGrade ?? 0) - (a.minGrade ?? 0) || a.name.localeCompare(b.name));
}

export const isProviderKind = (value: string): value is ProviderKind =>
  (PROVIDER_KINDS as readonly string[]).includes(value);
