import type { FieldError } from "../../platform/http/problem";
import type { Participant, Risk } from "./schema";
import type { AssessmentStatus, NATIONAL_OUTCOMES } from "./vocabulary";

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

/** State guard: one assessment at a time; a new one once the last was signed off or completed. */
export function cannotStartAnother(latest: AssessmentStatus | null): string | null {
  if (latest === null || latest === "approved" || latest === "completed") return null;
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

/**
 * State guard: a submitted assessment can be taken back to draft (by its author, the worker or
 * a manager of the team) so that no one waits on a sign-off that cannot come.
 */
export function cannotWithdraw(status: AssessmentStatus): string | null {
  return status === "submitted"
    ? null
    : `Only a submitted assessment can be taken back to draft (this one is ${status}).`;
}

export interface Named {
  id: string;
  displayName: string;
}

/**
 * Who may sign off a submitted assessment: the team's managers and any manager an
 * administrator named, never its author or anyone who changed it (four eyes).
 */
export function whoMaySignOff(facts: {
  authorId: string;
  editorIds: readonly string[];
  teamManagers: readonly Named[];
  named: Named | null;
}): Named[] {
  const excluded = new Set([facts.authorId, ...facts.editorIds]);
  const all = facts.named ? [...facts.teamManagers, facts.named] : facts.teamManagers;
  return all.filter((m, i) => !excluded.has(m.id) && all.findIndex((n) => n.id === m.id) === i);
}

/** What a page says while an item waits for a second person: who may act, or how to unblock. */
export function secondPersonWaiting(
  author: Named,
  mayAct: readonly Named[],
  what = {
    act: "sign-off",
    unblock: "An administrator can name a team manager to do it, or it can be taken back to draft.",
  },
): string {
  if (mayAct.length === 0)
    return `No team manager other than ${author.displayName} can give the ${what.act}. ${what.unblock}`;
  const names = mayAct.map((m) => m.displayName);
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
  return `Waiting for ${what.act} by a team manager other than ${author.displayName}: ${who}.`;
}

/** The assessment page's words while it waits for sign-off. */
export const signOffWaiting = (author: Named, mayAct: readonly Named[]) =>
  secondPersonWaiting(author, mayAct);

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
