import type { FieldError } from "../../platform/http/problem";
import type { JourneyFacts } from "../people/stage";
import { formatPence } from "./money";
import type { FundingStream } from "./streams";

/** State guard: only a person found eligible gets a budget; a live request pins it. */
export function cannotSetBudget(facts: JourneyFacts): string | null {
  if (facts.eligible !== true) return "Set a budget only after the person is found eligible.";
  if (facts.planStatus === "awaiting-provider") {
    return "A provider is considering this plan: wait for their answer before changing the budget.";
  }
  return null;
}

/** How far a social worker may go alone (the council sets these). */
export interface Authority {
  maxAnnualPence: number;
  maxAdjustmentBasisPoints: number;
}

export const DEFAULT_AUTHORITY: Authority = {
  maxAnnualPence: 30_000_00,
  maxAdjustmentBasisPoints: 1_000,
};

/**
 * Why an amount needs a team manager's approval, or null when it is within the worker's
 * authority: over the annual limit, or further from the RAS amount than the adjustment limit.
 */
export function approvalNeeded(
  amountPence: number,
  rasPence: number | null,
  authority: Authority,
): string | null {
  if (amountPence > authority.maxAnnualPence) {
    return `Above ${formatPence(authority.maxAnnualPence)} a year, the limit of a social worker's authority`;
  }
  if (rasPence !== null && rasPence > 0) {
    const change = Math.abs(amountPence - rasPence) * 10_000;
    if (change > authority.maxAdjustmentBasisPoints * rasPence) {
      return `More than ${authority.maxAdjustmentBasisPoints / 100}% from the RAS amount of ${formatPence(rasPence)}`;
    }
  }
  return null;
}

/** Four eyes: an entry needing approval is decided once, by someone other than who set it. */
export function cannotDecideBudget(
  entry: { approvalNeeded: string | null; setBy: string; decided: boolean },
  approverId: string,
): string | null {
  if (!entry.approvalNeeded)
    return "This amount is within the social worker's authority: it needs no approval.";
  if (entry.decided) return "This amount has already been decided.";
  if (entry.setBy === approverId)
    return "You proposed this amount, so someone else must approve it.";
  return null;
}

/** Streams must make up the whole budget, to the penny, with no stream twice. */
export function streamProblems(
  totalPence: number,
  streams: { stream: string; annualAmountPence: number }[],
): FieldError[] {
  const errors: FieldError[] = [];
  streams.forEach((s, i) => {
    if (streams.findIndex((t) => t.stream === s.stream) !== i) {
      errors.push({ path: `streams.${i}.stream`, message: "Each funding stream once" });
    }
  });
  const sum = streams.reduce((total, s) => total + s.annualAmountPence, 0);
  if (streams.length > 0 && sum !== totalPence) {
    errors.push({
      path: "streams",
      message: `The funding streams add up to ${formatPence(sum)}, not the budget of ${formatPence(totalPence)}`,
    });
  }
  return errors;
}

/** One funding stream's part of a budget. */
export interface StreamPart {
  stream: FundingStream;
  annualAmountPence: number;
  reporting: string;
}

/**
 * The funding streams of a budget raised to a new total: the increase is social care money
 * (the stream the council raises), so every other stream keeps its amount.
 */
export function raisedStreams(streams: readonly StreamPart[], totalPence: number): StreamPart[] {
  const rest = streams.filter((s) => s.stream !== "social-care");
  const others = rest.reduce((sum, s) => sum + s.annualAmountPence, 0);
  const social = streams.find((s) => s.stream === "social-care");
  return [
    {
      stream: "social-care",
      annualAmountPence: totalPence - others,
      reporting: social?.reporting ?? "",
    },
    ...rest,
  ];
}
