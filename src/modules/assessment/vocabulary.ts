/** The words of an assessment, as lists: pure, so reply schemas and the web can use them. */

/** National outcomes that personal outcomes roll up to (domain.md, step 3). */
export const NATIONAL_OUTCOMES = [
  "health",
  "wellbeing",
  "social-inclusion",
  "independence",
] as const;

/** "completed": eligibility was decided on it without sign-off, as the council's setting allows. */
export const ASSESSMENT_STATUSES = [
  "draft",
  "submitted",
  "approved",
  "returned",
  "completed",
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const PARTICIPANT_ROLES = [
  "person",
  "representative",
  "advocate",
  "family",
  "carer",
  "other",
] as const;

export const PARTICIPANT_AUTHORITIES = [
  "none",
  "welfare-guardian",
  "welfare-power-of-attorney",
  "continuing-power-of-attorney",
] as const;

export const CARER_PLAN_KINDS = ["adult-carer-support-plan", "young-carer-statement"] as const;
