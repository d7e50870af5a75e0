import { z } from "zod";

// What the assessment routes reply (zod only: the web imports these types).

const Named = z.object({ id: z.uuid(), displayName: z.string() });
export type Named = z.infer<typeof Named>;

/** A draft saved: the assessment and the version just written. */
export const Saved = z.object({
  assessmentId: z.uuid(),
  version: z.number().int(),
  status: z.string(),
});
export type Saved = z.infer<typeof Saved>;

/** The assessment's status after a submission, review or withdrawal. */
export const StatusNow = z.object({ status: z.string() });
export type StatusNow = z.infer<typeof StatusNow>;

export const AwaitingReview = z.object({
  id: z.uuid(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  author: Named,
});
export type AwaitingReview = z.infer<typeof AwaitingReview>;
export const AwaitingReviewList = z.object({ assessments: z.array(AwaitingReview) });
export type AwaitingReviewList = z.infer<typeof AwaitingReviewList>;

/** Whether the assessment needs sign-off, who may give it, and whether it can be taken back. */
export const SignOffView = z.object({
  status: z.string(),
  setting: z.string(),
  /** Risk levels whose eligibility decision needs a signed-off assessment. */
  needed: z.array(z.string()),
  author: Named,
  mayAct: z.array(Named),
  waiting: z.string().nullable(),
  canWithdraw: z.boolean(),
});
export type SignOffView = z.infer<typeof SignOffView>;

/** A submitted assessment council-wide, with no one's personal details (administrators). */
export const SignOffWaiting = z.object({
  id: z.uuid(),
  submittedAt: z.string().nullable(),
  author: Named,
  mayAct: z.array(Named),
  named: Named.nullable(),
  waiting: z.string(),
});
export type SignOffWaiting = z.infer<typeof SignOffWaiting>;
export const Manager = Named.extend({ team: z.string().nullable() });
export type Manager = z.infer<typeof Manager>;
export const SignOffList = z.object({
  assessments: z.array(SignOffWaiting),
  managers: z.array(Manager),
});
export type SignOffList = z.infer<typeof SignOffList>;

export const Reallocated = z.object({ assessmentId: z.uuid(), named: Named });
export type Reallocated = z.infer<typeof Reallocated>;

export const CarerAssessmentCreated = z.object({ id: z.uuid(), kind: z.string() });
export type CarerAssessmentCreated = z.infer<typeof CarerAssessmentCreated>;
