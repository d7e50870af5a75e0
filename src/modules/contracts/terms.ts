import { formatPence } from "../budgets/money";
import { canonical } from "./canonical";

// What a contract says, before any wording: the parties and the terms, taken from the plan.

export const CONTRACT_KINDS = ["three-way", "direct-payment-agreement", "service-order"] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** Which agreement an option needs: Option 2 three-way, Option 1 a direct payment, 3 an order. */
export const KIND_OF_OPTION: Record<"1" | "2" | "3", ContractKind> = {
  "1": "direct-payment-agreement",
  "2": "three-way",
  "3": "service-order",
};

export const PARTIES = ["person", "provider", "council"] as const;
export type Party = (typeof PARTIES)[number];

/** Who must sign each kind before it is in force. */
export const SIGNERS: Record<ContractKind, Party[]> = {
  "three-way": ["person", "provider", "council"],
  "direct-payment-agreement": ["person", "council"],
  "service-order": ["council", "provider"],
};

/** How often a direct payment return is due: a term of the agreement, from the council's default. */
export const RETURN_FREQUENCIES = ["month", "quarter"] as const;
export type ReturnFrequency = (typeof RETURN_FREQUENCIES)[number];

/** A new version keeps the frequency its agreement was signed with; a new agreement takes the default. */
export const returnsEveryFor = (
  signed: ContractTerms | undefined,
  councilDefault: ReturnFrequency,
): ReturnFrequency => (signed ? (signed.returnsEvery ?? "quarter") : councilDefault);

export interface ContractTerms {
  person: string;
  /** Who signs for the person, when someone holds the authority to. */
  representative: string | null;
  provider: string | null;
  council: string;
  outcomes: string[];
  supports: { description: string; annualPence: number }[];
  annualPence: number;
  /** The hourly rate, when the supports are paid by the hour (the highest, if several). */
  hourlyRatePence: number | null;
  minutesPerWeek: number;
  startDate: string;
  reviewDate: string;
  /** Agreements made before this was a term said "each quarter", so that is what they mean. */
  returnsEvery?: ReturnFrequency;
}

/** Hours a week as a number the templates put before "hours": "6", "6.5", "0.33". */
const hours = (minutes: number) => (minutes / 60).toFixed(2).replace(/\.?0+$/, "");

/** The words a template's {{placeholders}} stand for. */
export function placeholderValues(t: ContractTerms): Record<string, string> {
  return {
    person: t.person,
    representative: t.representative ?? t.person,
    provider: t.provider ?? "the provider",
    council: t.council,
    outcomes: t.outcomes.map((o) => `“${o}”`).join("; "),
    supports: t.supports
      .map((s) => `${s.description} (${formatPence(s.annualPence)} a year)`)
      .join("; "),
    annualBudget: formatPence(t.annualPence),
    weeklyBudget: formatPence(Math.floor((t.annualPence * 2 + 52) / 104)),
    hourlyRate:
      t.hourlyRatePence === null ? "not paid by the hour" : formatPence(t.hourlyRatePence),
    hoursPerWeek: hours(t.minutesPerWeek),
    startDate: t.startDate,
    reviewDate: t.reviewDate,
    returnsEvery: t.returnsEvery === "month" ? "each month" : "each quarter",
  };
}
export const PLACEHOLDERS = Object.keys(
  placeholderValues({
    person: "",
    representative: null,
    provider: null,
    council: "",
    outcomes: [],
    supports: [],
    annualPence: 0,
    hourlyRatePence: null,
    minutesPerWeek: 0,
    startDate: "",
    reviewDate: "",
  }),
);

/** What changed between two versions' terms, in words, for the summary people re-sign on. */
export function changedTerms(before: ContractTerms, after: ContractTerms): string[] {
  const changes: string[] = [];
  if (before.annualPence !== after.annualPence)
    changes.push(
      `The budget changes from ${formatPence(before.annualPence)} to ${formatPence(after.annualPence)} a year.`,
    );
  if (before.hourlyRatePence !== after.hourlyRatePence)
    changes.push(
      `The hourly rate changes from ${placeholderValues(before).hourlyRate} to ${placeholderValues(after).hourlyRate}.`,
    );
  if (before.minutesPerWeek !== after.minutesPerWeek)
    changes.push(
      `The hours change from ${hours(before.minutesPerWeek)} to ${hours(after.minutesPerWeek)} hours a week.`,
    );
  if ((before.returnsEvery ?? "quarter") !== (after.returnsEvery ?? "quarter"))
    changes.push(`Returns are now due ${placeholderValues(after).returnsEvery}.`);
  if (before.provider !== after.provider)
    changes.push(
      `The provider changes from ${before.provider ?? "none"} to ${after.provider ?? "none"}.`,
    );
  if (before.startDate !== after.startDate || before.reviewDate !== after.reviewDate)
    changes.push(`The dates change: start ${after.startDate}, review ${after.reviewDate}.`);
  // Compared key-order-free: terms come back from jsonb with their keys reordered.
  const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
  if (!same(before.outcomes, after.outcomes))
    changes.push("The outcomes the support is for have changed.");
  if (!same(before.supports, after.supports) && changes.length === 0)
    changes.push("The supports listed have changed.");
  return changes;
}
