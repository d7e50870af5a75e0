import { z } from "zod";

// What the referral routes reply (zod only: the web imports these types).

/** A referral recorded: the new person, held by the recording worker, and the referral. */
export const ReferralRecorded = z.object({ personId: z.uuid(), referralId: z.uuid() });
export type ReferralRecorded = z.infer<typeof ReferralRecorded>;

/** What the person who sent a self-referral quotes if they call. */
export const SelfReferralSent = z.object({ reference: z.string() });
export type SelfReferralSent = z.infer<typeof SelfReferralSent>;

/** What someone prepared to talk to social work, waiting to be taken on. */
export const SelfReferral = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  localityId: z.uuid(),
  contact: z.string(),
  /** Empty when the person sent it themselves; else who did, and how they know them. */
  sentBy: z.string(),
  whatMatters: z.string(),
  whatIsWorking: z.string(),
  whatIsNotWorking: z.string(),
  helpIHave: z.string(),
  choiceAndControl: z.string(),
  receivedAt: z.string(),
  referralId: z.uuid().nullable(),
});
export type SelfReferral = z.infer<typeof SelfReferral>;
export const SelfReferralList = z.object({ selfReferrals: z.array(SelfReferral) });
export type SelfReferralList = z.infer<typeof SelfReferralList>;

/** A worker's request that a possible duplicate be checked, sent to a manager. */
export const CheckAsked = z.object({ checkId: z.uuid(), possibleMatches: z.number().int() });
export type CheckAsked = z.infer<typeof CheckAsked>;

/** A possible duplicate, as a reviewer (or the worker, for their own caseload) sees it. */
export const PossibleMatch = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string(),
  locality: z.string(),
  reasons: z.array(z.string()),
});
export type PossibleMatch = z.infer<typeof PossibleMatch>;

/** The open duplicate checks a team manager or administrator decides. */
export const DuplicateChecks = z.object({
  checks: z.array(
    z.object({
      id: z.uuid(),
      requestedAt: z.string(),
      /** The worker who asked. */
      requestedBy: z.string(),
      /** The person the referral is about, as the worker recorded them. */
      person: z.object({
        givenName: z.string(),
        familyName: z.string(),
        dateOfBirth: z.string(),
        locality: z.string(),
      }),
      matches: z.array(PossibleMatch),
    }),
  ),
});
export type DuplicateChecks = z.infer<typeof DuplicateChecks>;

export const CheckDecided = z.object({
  decision: z.enum(["same-person", "different-person"]),
  personId: z.uuid(),
  referralId: z.uuid(),
});
export type CheckDecided = z.infer<typeof CheckDecided>;
