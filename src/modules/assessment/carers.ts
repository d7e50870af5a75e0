import type { CARER_PLAN_KINDS } from "./vocabulary";

export type CarerPlanKind = (typeof CARER_PLAN_KINDS)[number];

/** Whole years from a date of birth to a day (both "YYYY-MM-DD"). */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * Carers (Scotland) Act 2016: a young carer is under 18, or 18 and still at school, and gets a
 * young carer statement; every other carer gets an adult carer support plan.
 */
export function carerPlanKind(
  dateOfBirth: string,
  today: string,
  atSchool: boolean,
): CarerPlanKind {
  const age = ageOn(dateOfBirth, today);
  return age < 18 || (age === 18 && atSchool)
    ? "young-carer-statement"
    : "adult-carer-support-plan";
}
