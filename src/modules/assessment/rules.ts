import type { FieldError } from "../../platform/http/problem";
import type { AssessmentStatus, NATIONAL_OUTCOMES, Participant, Risk } from "./schema";

export interface AssessmentContent {
  summary: string;
  strengths: string;
  informalSupport: string;
  outcomes: {
    inOwnWords: string;
    need: string;
    nationalOutcome: (typeof NATIONAL_OUTCOMES)[number] | "";
    talkingPoint: string;
  }[];
  risks: Risk[];
  participants: Participant[];
}

const EDITABLE: readonly AssessmentStatus[] = ["draft", "returned"];

/** State guard: only a draft, or one returned for changes, can be edited or submitted. */
export function cannotChange(status: AssessmentStatus): string | null {
  return EDITABLE.includes(status)
    ? null
    : `This assessment is ${status}: it cannot be changed now.`;
}

/** State guard: one assessment at a time; a new one only after the last was signed off. */
export function cannotStartAnother(latest: AssessmentStatus | null): string | null {
  if (latest === null || latest === "approved") return null;
  return "There is already an assessment in progress for this person: carry on with that one.";
}

/**
 * Four eyes: a submitted assessment is signed off (or returned) by someone who neither
 * wrote it nor saved any version of it.
 */
export function cannotReview(
  assessment: { status: AssessmentStatus; authorId: string; editorIds: readonly string[] },
  reviewerId: string,
): string | null {
  if (assessment.status !== "submitted")
    return `Only a submitted assessment can be reviewed (this one is ${assessment.status}).`;
  if (reviewerId === assessment.authorId || assessment.editorIds.includes(reviewerId)) {
    return "You wrote or changed this assessment, so someone else must sign it off.";
  }
  return null;
}

/** What a draft still lacks before it can be submitted, as field errors. */
export function incompleteForSubmission(content: AssessmentContent): FieldError[] {
  const errors: FieldError[] = [];
  if (!content.summary.trim())
    errors.push({ path: "summary", message: "Summarise the conversation" });
  if (content.outcomes.length === 0)
    errors.push({ path: "outcomes", message: "Record at least one personal outcome" });
  content.outcomes.forEach((o, i) => {
    if (!o.inOwnWords.trim())
      errors.push({
        path: `outcomes.${i}.inOwnWords`,
        message: "Write the outcome in the person's own words",
      });
    if (!o.need.trim())
      errors.push({ path: `outcomes.${i}.need`, message: "Say what they need to get there" });
    if (!o.nationalOutcome)
      errors.push({
        path: `outcomes.${i}.nationalOutcome`,
        message: "Choose the national outcome it supports",
      });
  });
  content.risks.forEach((r, i) => {
    if (!r.whatCouldGoWrong.trim())
      errors.push({ path: `risks.${i}.whatCouldGoWrong`, message: "Say what could go wrong" });
  });
  content.participants.forEach((p, i) => {
    if (!p.name.trim())
      errors.push({
        path: `participants.${i}.name`,
        message: "Give the name of the person who took part",
      });
  });
  return errors;
}
