import { type LineOption, type PlanOption, planOption } from "../plans/costing";

// A person's SDS option as Public Health Scotland counts it (Insights in Social Care statistics,
// Self-directed Support, options chosen: "Option 1 Only", "Option 2 Only", "Option 3 Only",
// "Option 4" a mix): one option per person, from the agreements in force for them.

export const REPORTED_OPTIONS = ["1", "2", "3", "4"] as const satisfies readonly PlanOption[];

/**
 * The person's option from the options of their agreements in force: the same rule as a plan's
 * (planOption): that option when all are one, Option 4 when more than one of 1-3, none when none.
 */
export const optionOfPerson = (inForce: readonly LineOption[]): PlanOption | null =>
  planOption(inForce.map((option) => ({ option })));
