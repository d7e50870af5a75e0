import type { FieldError } from "../../platform/http/problem";

const POUNDS = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
/** The largest single budget Cairn accepts: £10 million a year, a guard against typos. */
export const MAX_BUDGET_PENCE = 10_000_000_00;

/** Parses an amount of pounds typed by a person ("£12,345.6") into integer pence, exactly. */
export function parsePounds(text: string): { pence: number } | { error: string } {
  const match = POUNDS.exec(text.trim());
  if (!match) return { error: "Enter an amount in pounds, like 12500 or 12,500.00" };
  const whole = (match[1] as string).replaceAll(",", "");
  if (whole.length > 12) return { error: "That amount is too large" };
  const pence = Number(whole) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return { pence };
}

/** Parses a budget amount: exact, positive and within the ceiling, or a field error. */
export function parseBudgetAmount(text: string, path: string): { pence: number } | FieldError {
  const parsed = parsePounds(text);
  if ("error" in parsed) return { path, message: parsed.error };
  if (parsed.pence <= 0) return { path, message: "A budget must be more than £0" };
  if (parsed.pence > MAX_BUDGET_PENCE)
    return { path, message: "A budget over £10,000,000 a year is not accepted" };
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
