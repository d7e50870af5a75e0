import { formatPence } from "../budgets/money";
import { annualCost, type LineCost } from "../plans/costing";
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

/** The option an agreement carries (KIND_OF_OPTION turned round): a direct payment is Option 1. */
export const OPTION_OF_KIND: Record<ContractKind, "1" | "2" | "3"> = {
  "direct-payment-agreement": "1",
  "three-way": "2",
  "service-order": "3",
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

/** An amount paid once, in one month, for one support of the plan. */
export interface OneOff {
  /** The plan line it pays for: its allocation is keyed on it, so it is paid once. */
  lineId: string;
  description: string;
  pence: number;
  /** The month it is allocated in, "2026-12": the contract's start month unless agreed otherwise. */
  month: string;
}

/**
 * The month each one-off is paid: one already agreed keeps its month; one new to the agreement
 * is paid in its start month, or this month if that has passed (a past month never comes again).
 */
export function oneOffMonths(
  oneOffs: readonly OneOff[],
  agreedBefore: readonly OneOff[] | undefined,
  thisMonth: string,
): OneOff[] {
  return oneOffs.map((o) => {
    const agreed = agreedBefore?.find((b) => b.lineId === o.lineId);
    return { ...o, month: agreed ? agreed.month : o.month < thisMonth ? thisMonth : o.month };
  });
}

export interface ContractTerms {
  person: string;
  /** Who signs for the person, when someone holds the authority to. */
  representative: string | null;
  provider: string | null;
  council: string;
  outcomes: string[];
  /** The recurring supports, each with what it costs a year. */
  supports: { description: string; annualPence: number }[];
  /** What the recurring supports cost a year: paid a twelfth a month. */
  annualPence: number;
  /** Amounts paid once (absent from versions made before one-offs were kept apart). */
  oneOffs?: OneOff[];
  /** The hourly rate, when the supports are paid by the hour (the highest, if several). */
  hourlyRatePence: number | null;
  minutesPerWeek: number;
  startDate: string;
  reviewDate: string;
  /** Agreements made before this was a term said "each quarter", so that is what they mean. */
  returnsEvery?: ReturnFrequency;
}

type MoneyTerms = Pick<
  ContractTerms,
  "supports" | "annualPence" | "oneOffs" | "hourlyRatePence" | "minutesPerWeek"
>;

/**
 * The money of an agreement from its plan lines (pooled lines already costed at the person's
 * share): recurring supports by the year, one-off amounts apart, in the month they are paid.
 */
export function moneyTerms(
  lines: readonly { id: string; description: string; cost: LineCost }[],
  startDate: string,
): MoneyTerms {
  const recurring = lines.filter((l) => l.cost.type !== "one-off");
  const hourly = lines.flatMap((l) => (l.cost.type === "hourly" ? [l.cost] : []));
  return {
    supports: recurring.map((l) => ({
      description: l.description,
      annualPence: annualCost(l.cost),
    })),
    annualPence: recurring.reduce((sum, l) => sum + annualCost(l.cost), 0),
    oneOffs: lines.flatMap((l) =>
      l.cost.type === "one-off"
        ? [
            {
              lineId: l.id,
              description: l.description,
              pence: l.cost.amountPence,
              month: startDate.slice(0, 7),
            },
          ]
        : [],
    ),
    hourlyRatePence: hourly.length ? Math.max(...hourly.map((c) => c.hourlyRatePence)) : null,
    minutesPerWeek: hourly.reduce((sum, c) => sum + c.minutesPerWeek, 0),
  };
}

/** Hours a week as a number the templates put before "hours": "6", "6.5", "0.33". */
const hours = (minutes: number) => (minutes / 60).toFixed(2).replace(/\.?0+$/, "");

const MONTHS =
  "January February March April May June July August September October November December".split(
    " ",
  );
/** "2026-12" as "December 2026". */
const monthWords = (month: string) =>
  `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The one-off amounts in words: "£1,200.00 once, in December 2026". */
const oneOffWords = (o: OneOff) => `${formatPence(o.pence)} once, in ${monthWords(o.month)}`;

/** The whole budget in words, for any mix of recurring and one-off money. */
function budgetWords(t: ContractTerms): string {
  const oneOffs = t.oneOffs ?? [];
  const yearly = `${formatPence(t.annualPence)} a year (about ${formatPence(weekly(t.annualPence))} a week)`;
  if (oneOffs.length === 0) return yearly;
  const once = oneOffs.map(oneOffWords).join(" and ");
  return t.annualPence === 0 ? once : `${yearly}, and ${once}`;
}

const weekly = (annualPence: number) => Math.floor((annualPence * 2 + 52) / 104);

/** The words a template's {{placeholders}} stand for. */
export function placeholderValues(t: ContractTerms): Record<string, string> {
  const paidHourly = t.hourlyRatePence !== null;
  return {
    person: t.person,
    representative: t.representative ?? t.person,
    provider: t.provider ?? "the provider",
    council: t.council,
    outcomes: t.outcomes.map((o) => `“${o}”`).join("; "),
    supports: [
      ...t.supports.map((s) => `${s.description} (${formatPence(s.annualPence)} a year)`),
      ...(t.oneOffs ?? []).map((o) => `${o.description} (${oneOffWords(o)})`),
    ].join("; "),
    budget: budgetWords(t),
    annualBudget: formatPence(t.annualPence),
    weeklyBudget: formatPence(weekly(t.annualPence)),
    hourlyRate: paidHourly ? formatPence(t.hourlyRatePence as number) : "not paid by the hour",
    hoursPerWeek: hours(t.minutesPerWeek),
    hourlySupport: paidHourly
      ? `Support by the hour is paid at ${formatPence(t.hourlyRatePence as number)} an hour, about ${hours(t.minutesPerWeek)} hours a week from ${t.startDate}.`
      : `None of it is paid by the hour; it starts on ${t.startDate}.`,
    hourlyEasyRead: paidHourly
      ? `Support costs ${formatPence(t.hourlyRatePence as number)} an hour.`
      : "None of it is paid by the hour.",
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
  const once = (t: ContractTerms) => (t.oneOffs ?? []).map(oneOffWords).join(" and ") || "none";
  if (once(before) !== once(after))
    changes.push(`The one-off amounts change from ${once(before)} to ${once(after)}.`);
  const rate = (t: ContractTerms) =>
    t.hourlyRatePence === null ? "none" : formatPence(t.hourlyRatePence);
  if (before.hourlyRatePence !== after.hourlyRatePence)
    changes.push(`The hourly rate changes from ${rate(before)} to ${rate(after)}.`);
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
