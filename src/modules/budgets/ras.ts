import type { FieldError } from "../../platform/http/problem";
import { MAX_AMOUNT_PENCE } from "../../platform/money/pounds";
import { formatPence } from "./money";

// A Resource Allocation System: the council's published method from assessed need to an
// indicative budget. Pure data and pure functions; money is integer pence throughout.

export interface RasQuestion {
  key: string;
  label: string;
  answers: { value: string; label: string; points: number }[];
}

/** Points from fromPoints up to toPoints (inclusive; null: no upper limit) earn a rate per care group. */
export interface RasBand {
  fromPoints: number;
  toPoints: number | null;
  pencePerPoint: Record<string, number>;
}

/** A named adjustment, in basis points of the base amount (-1000 is 10% less). */
export interface RasAdjustment {
  key: string;
  label: string;
  basisPoints: number;
}

export interface RasDefinition {
  careGroups: string[];
  questions: RasQuestion[];
  bands: RasBand[];
  adjustments: RasAdjustment[];
}

const isWhole = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** The most points one answer may score: far above any council's scale, a guard on typos. */
export const MAX_ANSWER_POINTS = 10_000;
/** The most points a band may reach up to (50 questions at the most each). */
export const MAX_BAND_POINTS = 500_000;

/** The most points these answers can add up to: each question's highest answer. */
export const mostPoints = (def: RasDefinition) =>
  def.questions.reduce(
    (sum, q) => sum + Math.max(0, ...q.answers.map((a) => (isWhole(a.points) ? a.points : 0))),
    0,
  );

/**
 * The most a method can give in a band for a care group: the band's highest reachable points at
 * its rate, with every increase chosen. Exact (BigInt), so no figure overflows on the way.
 */
function mostFromBand(def: RasDefinition, band: RasBand, rate: number): bigint {
  const top = Math.min(band.toPoints ?? Number.POSITIVE_INFINITY, mostPoints(def));
  if (top < band.fromPoints) return 0n;
  const increases = def.adjustments.reduce(
    (sum, a) => sum + (Number.isInteger(a.basisPoints) && a.basisPoints > 0 ? a.basisPoints : 0),
    0,
  );
  return (BigInt(top) * BigInt(rate) * BigInt(10_000 + increases)) / 10_000n;
}

/** Everything wrong with a definition, as field errors; empty when it can be published. */
export function validateRas(def: RasDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => {
    errors.push({ path, message });
  };
  if (def.careGroups.length === 0) add("careGroups", "Name at least one care group");
  if (def.questions.length === 0) add("questions", "Add at least one scored question");
  for (const i of duplicates(def.questions.map((q) => q.key))) {
    add(`questions.${i}.key`, "Each question needs its own key");
  }
  def.questions.forEach((q, i) => {
    if (q.answers.length === 0)
      add(`questions.${i}.answers`, "Give the question at least one answer");
    q.answers.forEach((a, j) => {
      if (!isWhole(a.points))
        add(`questions.${i}.answers.${j}.points`, "Points are whole numbers, 0 or more");
      else if (a.points > MAX_ANSWER_POINTS)
        add(
          `questions.${i}.answers.${j}.points`,
          `An answer scores at most ${MAX_ANSWER_POINTS.toLocaleString("en-GB")} points`,
        );
    });
  });
  validateBands(def, add);
  for (const i of duplicates(def.adjustments.map((a) => a.key))) {
    add(`adjustments.${i}.key`, "Each adjustment needs its own key");
  }
  def.adjustments.forEach((a, i) => {
    if (!Number.isInteger(a.basisPoints) || a.basisPoints < -10_000 || a.basisPoints > 10_000) {
      add(
        `adjustments.${i}.basisPoints`,
        "An adjustment is between -100% and +100% (-10000 to 10000 basis points)",
      );
    }
  });
  return errors;
}

function validateBands(def: RasDefinition, add: (path: string, message: string) => void) {
  if (def.bands.length === 0) return add("bands", "Add at least one band of points with its rate");
  let next = 0;
  def.bands.forEach((band, i) => {
    if (band.fromPoints !== next) {
      add(
        `bands.${i}.fromPoints`,
        band.fromPoints < next
          ? `This band overlaps the one before: it should start at ${next} points`
          : `Points ${next} to ${band.fromPoints - 1} are in no band: start this band at ${next}`,
      );
    }
    if (band.toPoints !== null && band.toPoints < band.fromPoints) {
      add(`bands.${i}.toPoints`, "A band must end at or after where it starts");
    }
    for (const end of ["fromPoints", "toPoints"] as const) {
      const points = band[end];
      if (points !== null && points > MAX_BAND_POINTS)
        add(
          `bands.${i}.${end}`,
          `Bands go up to ${MAX_BAND_POINTS.toLocaleString("en-GB")} points at most: leave the last band open-ended instead`,
        );
    }
    if (band.toPoints === null && i < def.bands.length - 1) {
      add(`bands.${i}.toPoints`, "Only the last band can be open-ended");
    }
    for (const group of def.careGroups) {
      const rate = band.pencePerPoint[group];
      if (rate === undefined)
        add(`bands.${i}.pencePerPoint.${group}`, `Missing the rate for ${group}`);
      else if (!isWhole(rate))
        add(`bands.${i}.pencePerPoint.${group}`, "A rate is a whole number of pence, 0 or more");
      else if (mostFromBand(def, band, rate) > BigInt(MAX_AMOUNT_PENCE))
        add(
          `bands.${i}.pencePerPoint.${group}`,
          `At this rate the method could give over ${formatPence(MAX_AMOUNT_PENCE)} a year, the most any budget may be: lower the rate or the points`,
        );
    }
    next = (band.toPoints ?? Number.POSITIVE_INFINITY) + 1;
  });
  if (Number.isFinite(next))
    add(`bands.${def.bands.length - 1}.toPoints`, "The last band must have no upper limit");
}

function duplicates(keys: string[]): number[] {
  return keys.flatMap((key, i) => (keys.indexOf(key) !== i ? [i] : []));
}

export interface RasInput {
  careGroup: string;
  answers: Record<string, string>;
  adjustments: string[];
}

export interface BudgetLine {
  /** Plain words for the person: why this part of the amount. */
  text: string;
  pence: number;
}

export interface IndicativeBudget {
  points: number;
  basePence: number;
  totalPence: number;
  lines: BudgetLine[];
}

/** Rounds a ratio of integers to the nearest whole number, halves away from zero. */
export function roundDiv(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return sign * Math.floor((2 * n + d) / (2 * d));
}

/** The indicative annual budget and its reasons, line by line; or the field errors of the input. */
export function indicativeBudget(
  def: RasDefinition,
  input: RasInput,
): IndicativeBudget | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!def.careGroups.includes(input.careGroup))
    errors.push({ path: "careGroup", message: "Choose a care group this method covers" });
  const scored = def.questions.map((q) => {
    const answer = q.answers.find((a) => a.value === input.answers[q.key]);
    if (!answer) errors.push({ path: `answers.${q.key}`, message: `Answer “${q.label}”` });
    return { q, answer };
  });
  const chosen = input.adjustments.map((key) => def.adjustments.find((a) => a.key === key));
  chosen.forEach((a, i) => {
    if (!a)
      errors.push({ path: `adjustments.${i}`, message: "That adjustment is not in this method" });
    else if (input.adjustments.indexOf(a.key) !== i)
      errors.push({ path: `adjustments.${i}`, message: "Choose each adjustment once" });
  });
  if (errors.length > 0) return { errors };

  const points = scored.reduce((sum, s) => sum + (s.answer?.points ?? 0), 0);
  const band = def.bands.find(
    (b) => points >= b.fromPoints && (b.toPoints === null || points <= b.toPoints),
  ) as RasBand;
  const rate = band.pencePerPoint[input.careGroup] as number;
  const basePence = points * rate;
  const lines: BudgetLine[] = scored.map(({ q, answer }) => ({
    text: `${q.label}: ${answer?.label} (${answer?.points} points)`,
    pence: 0,
  }));
  lines.push({
    text: `${points} points at ${formatPence(rate)} a point (the rate for ${input.careGroup} with ${bandWords(band)}) is ${formatPence(basePence)} a year`,
    pence: basePence,
  });
  let total = basePence;
  for (const adjustment of chosen as RasAdjustment[]) {
    const pence = roundDiv(basePence * adjustment.basisPoints, 10_000);
    total += pence;
    const percent = `${adjustment.basisPoints > 0 ? "+" : ""}${adjustment.basisPoints / 100}%`;
    lines.push({
      text: `${adjustment.label}: ${percent}, ${pence < 0 ? "less" : "more"} ${formatPence(Math.abs(pence))}`,
      pence,
    });
  }
  // A method published before its figures were checked could still give too much: refuse, never
  // store an amount past any budget's limit (nor one past what a number holds exactly).
  const tooMuch = (pence: number) => !Number.isSafeInteger(pence) || pence > MAX_AMOUNT_PENCE;
  if (tooMuch(basePence) || tooMuch(total)) {
    return {
      errors: [
        {
          path: "answers",
          message: `The method in force gives these answers more than ${formatPence(MAX_AMOUNT_PENCE)} a year, the most any budget may be: an administrator must correct its points or rates`,
        },
      ],
    };
  }
  return { points, basePence, totalPence: Math.max(0, total), lines };
}

const bandWords = (band: RasBand) =>
  band.toPoints === null
    ? `${band.fromPoints} points or more`
    : `${band.fromPoints} to ${band.toPoints} points`;

/**
 * Splits an annual amount across periods of so many days each, in proportion, so that the parts
 * add up exactly to the whole (largest remainders get the odd pennies).
 */
export function splitByDays(totalPence: number, periodDays: number[]): number[] {
  const allDays = periodDays.reduce((a, b) => a + b, 0);
  if (allDays === 0) return periodDays.map(() => 0);
  const exact = periodDays.map((days) => ({
    floor: Math.floor((totalPence * days) / allDays),
    rem: (totalPence * days) % allDays,
  }));
  let left = totalPence - exact.reduce((sum, e) => sum + e.floor, 0);
  const order = exact.map((e, i) => ({ ...e, i })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  const parts = exact.map((e) => e.floor);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** The part of an annual amount for a part period of `days` in a year of `yearDays`. */
export const proRata = (annualPence: number, days: number, yearDays = 365) =>
  roundDiv(annualPence * days, yearDays);

const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
  86_400_000;

/**
 * The budget for the rest of the financial year (to 31 March) from a start date: exact
 * pro rata by days, in a year of 365 or 366 days.
 */
export function restOfFinancialYear(annualPence: number, startDate: string) {
  const year = Number(startDate.slice(0, 4));
  const endYear = startDate.slice(5) >= "04-01" ? year + 1 : year;
  const to = `${endYear}-03-31`;
  const yearDays = dayNumber(to) - dayNumber(`${endYear - 1}-03-31`);
  const days = dayNumber(to) - dayNumber(startDate) + 1;
  return { from: startDate, to, days, yearDays, pence: proRata(annualPence, days, yearDays) };
}
