import { z } from "zod";
import { decodeWhole } from "../../platform/csv/decode";
import { csvObjects } from "../../platform/csv/read";
import { pounds, requiredText } from "../../platform/http/fields";
import { type FieldError, invalid, Problem } from "../../platform/http/problem";
import { MAX_AMOUNT_PENCE } from "../../platform/money/pounds";
import { hoursAsMinutes } from "../plans/plan-fields";
import { chargeFor } from "./rules";

// What a provider delivered in a month: one line at a time, or a CSV with a report of each row.

const visits = z
  .number("Visits are a whole number")
  .int("Visits are a whole number")
  .min(0)
  .max(1000);

/**
 * A line as sent: hours as text under `plannedHours` / `deliveredHours` (what the API and the
 * web form send, e.g. "26"), parsed into whole minutes.
 */
const ReturnLineSent = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("support"),
      description: requiredText("Say what support was delivered", 300),
      plannedHours: hoursAsMinutes,
      deliveredHours: hoursAsMinutes,
      plannedVisits: visits.default(0),
      deliveredVisits: visits.default(0),
    }),
    z.object({
      kind: z.literal("purchase"),
      description: requiredText("Say what was bought", 300),
      amount: pounds("Give the amount in pounds, like 60.00"),
    }),
  ],
  'Each line is "support" or "purchase"',
);

/** A line once parsed: hours sent are held as whole minutes, and named so. */
export const ReturnLine = ReturnLineSent.transform((line) => {
  if (line.kind === "purchase") return line;
  const { plannedHours, deliveredHours, ...rest } = line;
  return { ...rest, plannedMinutes: plannedHours, deliveredMinutes: deliveredHours };
});
export type ReturnLine = z.output<typeof ReturnLine>;

export const Period = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, "The month is like 2026-12");

export const CSV_COLUMNS = [
  "kind",
  "description",
  "planned_hours",
  "delivered_hours",
  "planned_visits",
  "delivered_visits",
  "amount",
] as const;

/** CSV rows as return lines, or every row's problems by line number (nothing kept if any). */
export function linesFromCsv(rows: { line: number; row: Record<string, string> }[]) {
  const errors: FieldError[] = [];
  const header = Object.keys(rows[0]?.row ?? {});
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length)
    return {
      lines: [],
      fileLines: [],
      errors: [{ path: "line.1", message: `Missing column(s): ${missing.join(", ")}` }],
    };
  if (rows.length === 0)
    return {
      lines: [],
      fileLines: [],
      errors: [{ path: "line.2", message: "The file has no rows" }],
    };
  const lines: ReturnLine[] = [];
  const fileLines: number[] = [];
  for (const { line, row } of rows) {
    const whole = (text: string | undefined) =>
      text && /^\d+$/.test(text.trim()) ? Number(text) : text ? text : 0;
    const parsed = ReturnLine.safeParse(
      row.kind === "purchase"
        ? { kind: "purchase", description: row.description, amount: row.amount }
        : {
            kind: row.kind,
            description: row.description,
            plannedHours: row.planned_hours,
            deliveredHours: row.delivered_hours,
            plannedVisits: whole(row.planned_visits),
            deliveredVisits: whole(row.delivered_visits),
          },
    );
    if (parsed.success) {
      lines.push(parsed.data);
      fileLines.push(line);
    } else
      errors.push({
        path: `line.${line}`,
        message: parsed.error.issues.map((i) => i.message).join("; "),
      });
  }
  return { lines, fileLines, errors };
}

/**
 * A return uploaded as CSV (text/csv, UTF-8 or Windows-1252): its lines and the line of the file
 * each came from, or a problem reporting every bad row (nothing is kept if any row is bad).
 */
export function linesFromUpload(body: unknown): { lines: ReturnLine[]; fileLines: number[] } {
  if (!Buffer.isBuffer(body)) throw new Problem(415, "Send CSV", "Send the return as text/csv.");
  let rows: ReturnType<typeof csvObjects>;
  try {
    rows = csvObjects(decodeWhole(body));
  } catch (error) {
    throw invalid([{ path: "line.0", message: (error as Error).message }]);
  }
  const { lines, fileLines, errors } = linesFromCsv(rows);
  if (errors.length) throw invalid(errors);
  return { lines, fileLines };
}

// Plausibility limits on a return, from the contract: one rule, run by every path that records
// a return (the provider's form, its CSV upload, a direct payment recipient's return).

/** Hours over the contract's plan for the month, beyond this share, are asked about first. */
export const HOURS_TOLERANCE = 0.1;

/** The days of a month "2026-02". */
export const daysInMonth = (period: string) =>
  new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 0)).getUTCDate();

/** What the limits are worked out from: the contract, the fund and the person's month so far. */
export interface ReturnFacts {
  period: string;
  /** The contract's planned support by the hour, in minutes a week (0 when none is hourly). */
  plannedMinutesPerWeek: number;
  hourlyRatePence: number;
  /** Minutes already returned as delivered to the person this month, on their other contracts. */
  personMinutesBefore: number;
  /** What the fund has for the month: its balance, and the month's budget still to be paid in. */
  fundAvailablePence: number;
  /** The most one line may be without asking: what the contract pays in the month. */
  lineCapPence: number;
}

/** A line that cannot be true: refused, with the field it concerns. */
export interface LineRefusal {
  index: number;
  field: "deliveredHours" | "amount";
  message: string;
}

/** What each line is worth, and why it is held to be asked about (null: paid as returned). */
export interface LineOutcome {
  pence: number;
  heldReason: string | null;
}

const hoursText = (minutes: number) => (minutes / 60).toFixed(2).replace(/\.?0+$/, "");
const poundsText = (pence: number) =>
  `£${Math.floor(pence / 100).toLocaleString("en-GB")}.${String(pence % 100).padStart(2, "0")}`;

/**
 * Checks a return's lines against the contract. Impossible values are refused: more hours
 * delivered to the person in the month than the month has, or an amount above the money cap.
 * Plausible but unusual ones are held to be asked about (not paid until finance agrees): hours
 * more than the tolerance above the contract's plan for the month, a line above what the
 * contract pays in a month, or money beyond what the fund has. Lines are taken in order; a held
 * line spends nothing, so the lines after it are judged on what is left.
 */
export function returnLimits(
  lines: readonly ReturnLine[],
  f: ReturnFacts,
): { refused: LineRefusal[]; outcomes: LineOutcome[] } {
  const days = daysInMonth(f.period);
  const monthMinutes = days * 24 * 60;
  const plannedMinutes = Math.round((f.plannedMinutesPerWeek * days) / 7);
  const allowedMinutes = Math.floor(plannedMinutes * (1 + HOURS_TOLERANCE));
  const refused: LineRefusal[] = [];
  const outcomes: LineOutcome[] = [];
  let personMinutes = f.personMinutesBefore;
  let returnedMinutes = 0;
  let spent = 0;
  let impossibleHours = false;
  for (const [index, line] of lines.entries()) {
    const n = index + 1;
    const pence =
      line.kind === "support" ? chargeFor(line.deliveredMinutes, f.hourlyRatePence) : line.amount;
    if (line.kind === "support" && line.deliveredMinutes > 0) {
      personMinutes += line.deliveredMinutes;
      returnedMinutes += line.deliveredMinutes;
      if (personMinutes > monthMinutes && !impossibleHours) {
        impossibleHours = true;
        refused.push({
          index,
          field: "deliveredHours",
          message: `Line ${n}: this brings the hours delivered to the person in ${f.period} to ${hoursText(personMinutes)}, more than the ${days * 24} hours the month has`,
        });
      }
    }
    if (pence > MAX_AMOUNT_PENCE) {
      refused.push({
        index,
        field: line.kind === "support" ? "deliveredHours" : "amount",
        message: `Line ${n}: ${poundsText(pence)} is more than any one amount may be (${poundsText(MAX_AMOUNT_PENCE)})`,
      });
      outcomes.push({ pence, heldReason: null });
      continue;
    }
    let heldReason: string | null = null;
    if (line.kind === "support" && line.deliveredMinutes > 0 && returnedMinutes > allowedMinutes)
      heldReason = `Hours above the plan: this line brings the month to ${hoursText(returnedMinutes)} hours delivered, against ${hoursText(plannedMinutes)} planned (more than ${HOURS_TOLERANCE * 100}% over)`;
    else if (pence > f.lineCapPence)
      heldReason = `${poundsText(pence)} on one line is more than the contract pays in the month (${poundsText(f.lineCapPence)})`;
    else if (spent + pence > f.fundAvailablePence)
      heldReason = `${poundsText(pence)} is more than the fund has left for the month (${poundsText(Math.max(0, f.fundAvailablePence - spent))})`;
    if (heldReason && line.kind === "support") returnedMinutes -= line.deliveredMinutes;
    if (!heldReason) spent += pence;
    outcomes.push({ pence, heldReason });
  }
  return { refused, outcomes };
}

/** Why finance cannot decide this line now, or null: only a held line, and only once. */
export const cannotDecideLine = (line: { heldReason: string | null }, decided: string | null) =>
  !line.heldReason
    ? "Only a line held to be asked about is agreed or rejected; this one was paid as returned."
    : decided
      ? `This line has already been ${decided}.`
      : null;
