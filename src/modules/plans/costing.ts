// Costing a support plan: pure functions over plain lines, in integer pence.

export const SUPPORT_KINDS = [
  "provider-service",
  "personal-assistant",
  "community",
  "purchase",
  "pooled",
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const LINE_OPTIONS = ["1", "2", "3"] as const;
export type LineOption = (typeof LINE_OPTIONS)[number];
export type PlanOption = LineOption | "4";

/** What a line costs: hours a week at an hourly rate, a recurring amount, or once. */
export type LineCost =
  | { type: "hourly"; minutesPerWeek: number; hourlyRatePence: number }
  | { type: "recurring"; amountPence: number; per: "week" | "month" | "year" }
  | { type: "one-off"; amountPence: number };

export interface CostedLine {
  option: LineOption;
  cost: LineCost;
}

const PER_YEAR = { week: 52, month: 12, year: 1 } as const;

/** Rounds a non-negative fraction n/d half up, exactly, for integers. */
const roundHalfUp = (n: number, d: number) => Math.floor((2 * n + d) / (2 * d));

/** A line's cost over a year (52 weeks), to the penny. */
export function annualCost(cost: LineCost): number {
  switch (cost.type) {
    case "hourly":
      return roundHalfUp(cost.minutesPerWeek * cost.hourlyRatePence * 52, 60);
    case "recurring":
      return cost.amountPence * PER_YEAR[cost.per];
    case "one-off":
      return cost.amountPence;
  }
}

export interface PlanCosting {
  recurringAnnualPence: number;
  oneOffPence: number;
  totalPence: number;
  budgetPence: number;
  /** Positive: what is left; negative: how far the plan is over. */
  leftPence: number;
  byOption: Record<LineOption, number>;
}

/** The plan against the budget: recurring and one-off costs, what is left, and per option. */
export function costPlan(lines: readonly CostedLine[], budgetPence: number): PlanCosting {
  const byOption: Record<LineOption, number> = { "1": 0, "2": 0, "3": 0 };
  let recurring = 0;
  let oneOff = 0;
  for (const line of lines) {
    const cost = annualCost(line.cost);
    byOption[line.option] += cost;
    if (line.cost.type === "one-off") oneOff += cost;
    else recurring += cost;
  }
  const total = recurring + oneOff;
  return {
    recurringAnnualPence: recurring,
    oneOffPence: oneOff,
    totalPence: total,
    budgetPence,
    leftPence: budgetPence - total,
    byOption,
  };
}

/** Option 4 is never chosen as such: it is what a plan mixing options is. */
export function planOption(lines: readonly { option: LineOption }[]): PlanOption | null {
  const options = new Set(lines.map((l) => l.option));
  if (options.size === 0) return null;
  if (options.size > 1) return "4";
  return [...options][0] as LineOption;
}
