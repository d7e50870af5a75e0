const POSTCODE = /^\s*([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})?\s*$/;

/** "ky1 2ab" -> "KY1"; "KY1" -> "KY1"; anything else -> "" (no district filter). */
export function postcodeDistrict(text: string): string {
  const m = POSTCODE.exec(text);
  return m ? (m[1] as string).toUpperCase() : "";
}

/** "ky12ab" -> "KY1 2AB"; null when it is not a full UK postcode. */
export function normalisePostcode(text: string): string | null {
  const m = POSTCODE.exec(text);
  return m?.[2] ? `${(m[1] as string).toUpperCase()} ${m[2].toUpperCase()}` : null;
}
