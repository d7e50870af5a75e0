import type { FieldError } from "../../platform/http/problem";
import type { JourneyFacts } from "../people/stage";
import type { PlanLine } from "./schema";
import type { PlanStatus } from "./statuses";

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

/**
 * How the provider named in a request stands in it: asked until it takes the request on (it
 * sees the request's summary, never the person's record), then supporting the person.
 */
export function standingOf(status: PlanStatus): "asked-provider" | "supporting-provider" {
  return status === "active" ? "supporting-provider" : "asked-provider";
}

/**
 * Whether the provider sees what matters to the person, in their own words: once it supports
 * them, or before, only where the person agreed to share it when the provider was asked.
 */
export function sharedBeforeAcceptance(request: {
  status: PlanStatus;
  shareOutcomes: boolean;
}): boolean {
  return request.status === "active" || request.shareOutcomes;
}

/** A rule a plan line breaks: the field it concerns and what to do about it. */
export interface LineProblem {
  line: number;
  field: "providerId" | "poolId" | "howItMeetsOutcome" | "familyMember" | "familyMemberReason";
  message: string;
}

type RuledLine = Pick<
  PlanLine,
  "kind" | "option" | "providerId" | "poolId" | "howItMeetsOutcome" | "familyMemberReason"
>;

/**
 * Every rule about the lines of a plan version, whole: the one check each write path (writing
 * the plan, the person's choice of options, a rate change), approval and contract-making call,
 * so no route can leave a line that breaks one. A close family member is paid by direct
 * payment only for an exceptional reason (Self-directed support: A National Strategy for
 * Scotland, "Employing Family Carers as Personal Assistants").
 */
export function lineProblems(lines: readonly RuledLine[]): LineProblem[] {
  return lines.flatMap((l, line) => {
    const at = (field: LineProblem["field"], message: string) => [{ line, field, message }];
    const family = l.familyMemberReason !== null;
    return [
      ...(l.kind === "provider-service" && !l.providerId
        ? at("providerId", "Choose the provider of this service")
        : []),
      ...(l.kind === "pooled" && !l.poolId ? at("poolId", "Choose the shared support") : []),
      ...(l.kind === "purchase" && !l.howItMeetsOutcome.trim()
        ? at("howItMeetsOutcome", "In a few words, say how this helps with the outcome")
        : []),
      ...(family && l.kind !== "personal-assistant"
        ? at("familyMember", "Only a personal assistant can be marked as a family member")
        : []),
      ...(family && l.option === "1" && !l.familyMemberReason?.trim()
        ? at(
            "familyMemberReason",
            "Employing a close family member needs the exceptional reason recorded",
          )
        : []),
    ];
  });
}

/** The problems as field errors on the plan form's lines. */
export const lineErrors = (problems: readonly LineProblem[]): FieldError[] =>
  problems.map((p) => ({ path: `lines.${p.line}.${p.field}`, message: p.message }));

/** Why a stored version cannot be approved or contracted (an old one may predate a rule). */
export function linesBlocked(lines: readonly (RuledLine & { description: string })[]) {
  const [first] = lineProblems(lines);
  if (!first) return null;
  const line = lines[first.line] as { description: string };
  return `“${line.description}”: ${first.message}. Change the plan first.`;
}
