import type { JourneyFacts } from "../people/stage";

/** State guard: only a person found eligible gets a budget; a live request pins it. */
export function cannotSetBudget(facts: JourneyFacts): string | null {
  if (facts.eligible !== true) return "Set a budget only after the person is found eligible.";
  if (facts.planStatus === "awaiting-provider") {
    return "A provider is considering this plan: wait for their answer before changing the budget.";
  }
  return null;
}
