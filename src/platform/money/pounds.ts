// Money typed by people: pounds to integer pence, exactly, within a cap. Used by the server and
// the web alike (no dependencies), so every money input is read one way.

/** The most any single amount may be: £10 million, far above any SDS budget, a guard on typos. */
export const MAX_AMOUNT_PENCE = 10_000_000_00;
/** The most a provider's accounts may show (turnover, surplus): £10 billion. */
export const MAX_ORGANISATION_PENCE = 10_000_000_000_00;
/** The most an hourly rate may be: £1,000 an hour, as for a service's rate in the directory. */
export const MAX_RATE_PENCE = 1_000_00;

const POUNDS = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;
const capText = (maxPence: number) =>
  `£${Math.floor(maxPence / 100).toLocaleString("en-GB")}${maxPence % 100 ? `.${String(maxPence % 100).padStart(2, "0")}` : ""}`;

/**
 * Parses pounds typed by a person ("£12,345.6") into integer pence, exactly, up to a cap: every
 * money input comes through here, so none can reach the database out of range.
 */
export function parsePounds(
  text: string,
  maxPence = MAX_AMOUNT_PENCE,
): { pence: number } | { error: string } {
  const match = POUNDS.exec(text.trim());
  if (!match) return { error: "Enter an amount in pounds, like 12500 or 12,500.00" };
  const whole = (match[1] as string).replaceAll(",", "");
  const pence =
    whole.length > 12
      ? Number.POSITIVE_INFINITY
      : Number(whole) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  if (pence > maxPence) return { error: `Enter an amount up to ${capText(maxPence)}` };
  return { pence };
}

export const RATE_MESSAGE = "Enter an hourly rate up to £1,000, like 24.50";
