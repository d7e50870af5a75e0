import { z } from "zod";
import { UserRef } from "../people/replies";

// The shapes the data protection routes return, shared with the web.

export const RetentionSettings = z.object({
  closedCaseYears: z.number().int(),
  signInAttemptDays: z.number().int(),
  expiredSessionDays: z.number().int(),
  selfReferralDays: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;

export const Erasure = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  reason: z.string(),
  proposedBy: UserRef,
  proposedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const RetentionReview = z.object({
  closedCaseYears: z.number().int(),
  /** How a closed case is told, while Cairn has no "case closed" state. */
  basis: z.string(),
  due: z.array(
    z.object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      lastActivity: z.string(),
    }),
  ),
  erasures: z.array(Erasure),
});
export type RetentionReview = z.infer<typeof RetentionReview>;

export const ErasureReply = z.object({ id: z.uuid(), personId: z.uuid(), status: z.string() });

export const PersonSearch = z.object({
  people: z.array(
    z.object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      dateOfBirth: z.string(),
      locality: z.string(),
    }),
  ),
});
export type PersonSearch = z.infer<typeof PersonSearch>;

export const EndedAuthority = z.object({
  id: z.uuid(),
  endedOn: z.string(),
});

export const Caseloads = z.object({
  workers: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      role: z.string(),
      people: z.array(z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() })),
    }),
  ),
});
export type Caseloads = z.infer<typeof Caseloads>;

export const MovedCaseload = z.object({ moved: z.number().int(), personIds: z.array(z.uuid()) });
export type MovedCaseload = z.infer<typeof MovedCaseload>;
