import type { JourneyFacts } from "../people/stage";
import type { PlanStatus } from "./schema";

/** State guard: a choice needs a budget, and no live plan already. */
export function cannotChoose(facts: JourneyFacts): string | null {
  if (!facts.hasBudget) return "A choice can be made once the budget is set.";
  if (facts.planStatus === "awaiting-provider")
    return "A provider is already considering this choice.";
  if (facts.planStatus === "active") return "The plan is already active.";
  return null;
}

/** State guard: a provider answers a request once. */
export function cannotRespond(status: PlanStatus): string | null {
  return status === "awaiting-provider"
    ? null
    : `This request has already been answered (it is ${status}).`;
}
