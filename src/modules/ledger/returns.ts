import { z } from "zod";
import { decodeWhole } from "../../platform/csv/decode";
import { csvObjects } from "../../platform/csv/read";
import { pounds, requiredText } from "../../platform/http/fields";
import { type FieldError, invalid, Problem } from "../../platform/http/problem";
import { hoursAsMinutes } from "../plans/plan-fields";

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
      errors: [{ path: "line.1", message: `Missing column(s): ${missing.join(", ")}` }],
    };
  if (rows.length === 0)
    return { lines: [], errors: [{ path: "line.2", message: "The file has no rows" }] };
  const lines: ReturnLine[] = [];
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
    if (parsed.success) lines.push(parsed.data);
    else
      errors.push({
        path: `line.${line}`,
        message: parsed.error.issues.map((i) => i.message).join("; "),
      });
  }
  return { lines, errors };
}

/**
 * A return uploaded as CSV (text/csv, UTF-8 or Windows-1252): its lines, or a problem reporting
 * every bad row (nothing is kept if any row is bad).
 */
export function linesFromUpload(body: unknown): ReturnLine[] {
  if (!Buffer.isBuffer(body)) throw new Problem(415, "Send CSV", "Send the return as text/csv.");
  let rows: ReturnType<typeof csvObjects>;
  try {
    rows = csvObjects(decodeWhole(body));
  } catch (error) {
    throw invalid([{ path: "line.0", message: (error as Error).message }]);
  }
  const { lines, errors } = linesFromCsv(rows);
  if (errors.length) throw invalid(errors);
  return lines;
}
