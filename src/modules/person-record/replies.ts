import { z } from "zod";
import {
  ASSESSMENT_STATUSES,
  CARER_PLAN_KINDS,
  NATIONAL_OUTCOMES,
  PARTICIPANT_AUTHORITIES,
  PARTICIPANT_ROLES,
} from "../assessment/vocabulary";
import { FUNDING_STREAMS } from "../budgets/streams";
import { RISK_LEVELS } from "../eligibility/levels";
import { AUTHORITIES, PersonSummary, UserRef } from "../people/replies";
import { PLAN_EVENTS, PLAN_STATUSES, SDS_OPTIONS } from "../plans/statuses";
import { REFERRAL_SOURCES, URGENCIES } from "../referrals/vocabulary";

// The person's record as GET /api/people/:personId returns it: the journey so far, gathered
// from each step's module, and what the signed-in user may do on it.

export const Budget = z.object({
  id: z.uuid(),
  annualAmountPence: z.number().int(),
  weeklyAmountPence: z.number().int(),
  reason: z.string(),
  rasVersion: z.number().int().nullable(),
  lines: z.array(z.object({ text: z.string(), pence: z.number().int() })).nullable(),
  setAt: z.string(),
  setBy: UserRef,
  approvalNeeded: z.string().nullable(),
  streams: z.array(
    z.object({
      stream: z.enum(FUNDING_STREAMS),
      annualAmountPence: z.number().int(),
      weeklyAmountPence: z.number().int(),
      reporting: z.string(),
    }),
  ),
});

export type Budget = z.infer<typeof Budget>;

export const PersonRecord = PersonSummary.extend({
  /** What the signed-in user may do on this record, from the policy (the web asks no role). */
  may: z.object({
    /** Record the journey's next steps: assessment, carers, eligibility, budget, sign-in. */
    record: z.boolean(),
    /** Sign off a submitted assessment. */
    signOff: z.boolean(),
    /** Approve or reject an amount above a worker's authority. */
    approveBudget: z.boolean(),
    /** End a representative's authority to act for the person. */
    endAuthority: z.boolean(),
  }),
  referrals: z.array(
    z.object({
      id: z.uuid(),
      source: z.enum(REFERRAL_SOURCES),
      urgency: z.enum(URGENCIES),
      reason: z.string(),
      recordedAt: z.string(),
      recordedBy: UserRef,
    }),
  ),
  assessment: z
    .object({
      id: z.uuid(),
      personId: z.uuid(),
      status: z.enum(ASSESSMENT_STATUSES),
      version: z.number().int(),
      summary: z.string(),
      strengths: z.string(),
      informalSupport: z.string(),
      risks: z.array(
        z.object({
          whatCouldGoWrong: z.string(),
          whatThePersonAccepts: z.string(),
          whatReducesIt: z.string(),
        }),
      ),
      participants: z.array(
        z.object({
          name: z.string(),
          role: z.enum(PARTICIPANT_ROLES),
          authority: z.enum(PARTICIPANT_AUTHORITIES),
        }),
      ),
      recordedAt: z.string(),
      recordedBy: UserRef,
      submittedAt: z.string().nullable(),
      reviewedAt: z.string().nullable(),
      reviewedBy: UserRef.nullable(),
      reviewNote: z.string(),
      outcomes: z.array(
        z.object({
          id: z.uuid(),
          inOwnWords: z.string(),
          need: z.string(),
          nationalOutcome: z.enum(NATIONAL_OUTCOMES).nullable(),
          talkingPoint: z.string().nullable(),
        }),
      ),
      versions: z.array(
        z.object({ version: z.number().int(), savedAt: z.string(), savedBy: UserRef }),
      ),
    })
    .nullable(),
  eligibility: z
    .object({
      id: z.uuid(),
      riskLevel: z.enum(RISK_LEVELS),
      eligible: z.boolean(),
      reasons: z.string(),
      decidedAt: z.string(),
      decidedBy: UserRef,
    })
    .nullable(),
  budget: Budget.nullable(),
  pendingBudget: Budget.nullable(),
  budgetThisYear: z
    .object({
      from: z.string(),
      to: z.string(),
      days: z.number().int(),
      yearDays: z.number().int(),
      pence: z.number().int(),
    })
    .nullable(),
  plan: z
    .object({
      id: z.uuid(),
      option: z.enum(SDS_OPTIONS),
      status: z.enum(PLAN_STATUSES),
      provider: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      startDate: z.string().nullable(),
      committedHoursPerWeek: z.number().int().nullable(),
      choiceReason: z.string(),
      events: z.array(
        z.object({
          event: z.enum(PLAN_EVENTS),
          note: z.string(),
          at: z.string(),
          actor: UserRef,
        }),
      ),
    })
    .nullable(),
  representatives: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      relationship: z.string(),
      authority: z.enum(AUTHORITIES),
    }),
  ),
  carerAssessments: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(CARER_PLAN_KINDS),
      carerName: z.string(),
      carerDateOfBirth: z.string(),
      relationship: z.string(),
      caringRole: z.string(),
      willingAndAble: z.string(),
      outcomes: z.array(z.string()),
      supportNeeded: z.string(),
      recordedAt: z.string(),
      recordedBy: UserRef,
    }),
  ),
});
export type PersonRecord = z.infer<typeof PersonRecord>;
export type Plan = NonNullable<PersonRecord["plan"]>;
export type Assessment = NonNullable<PersonRecord["assessment"]>;
