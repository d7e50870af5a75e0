import { z } from "zod";
import { MAX_AMOUNT_PENCE, parsePounds } from "../money/pounds";

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export const isoDate = (label: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2026-03-31`)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, `${label} is not a real date`);

/** A date of birth: real, not in the future, and within a human lifetime. */
export const dateOfBirth = isoDate("Date of birth").refine((value) => {
  const today = new Date().toISOString().slice(0, 10);
  const earliest = `${Number(today.slice(0, 4)) - 130}${today.slice(4)}`;
  return value <= today && value >= earliest;
}, "Date of birth must be in the past 130 years and not in the future");

export const requiredText = (message: string, max = 5000) =>
  z.string().trim().min(1, message).max(max);

/** A money field: typed pounds to pence, bounded, with the message given for anything else. */
export const pounds = (message: string, maxPence = MAX_AMOUNT_PENCE) =>
  z.string(message).transform((text, ctx) => {
    const parsed = parsePounds(text, maxPence);
    if ("error" in parsed) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return parsed.pence;
  });
