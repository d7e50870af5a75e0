import type { FieldError } from "../../platform/http/problem";
import { parsePounds } from "../../platform/money/pounds";

/** Parses a budget amount: exact, positive and within the ceiling, or a field error. */
export function parseBudgetAmount(text: string, path: string): { pence: number } | FieldError {
  const parsed = parsePounds(text);
  if ("error" in parsed) return { path, message: parsed.error };
  if (parsed.pence <= 0) return { path, message: "A budget must be more than £0" };
  return parsed;
}

/** The weekly equivalent of an annual amount (a year of 52 weeks), rounded half up to the penny. */
export function weeklyFromAnnual(annualPence: number): number {
  return Math.floor((annualPence * 2 + 52) / 104);
}

/** "£12,345.67", from integer pence, without floating-point arithmetic on the amount. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString("en-GB");
  return `${sign}£${pounds}.${String(abs % 100).padStart(2, "0")}`;
}
