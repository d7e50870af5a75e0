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
