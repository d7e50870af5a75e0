import { z } from "zod";
import { PROVIDER_KINDS } from "../providers/kinds";
import { LINE_OPTIONS, SUPPORT_KINDS } from "./costing";
import { PARTICIPANT_ROLES } from "./principles";
import { PLAN_DECISIONS, PLAN_STATUSES } from "./statuses";

// What the support plan routes reply, as zod schemas (the web derives its types from these).
// Zod only: no drizzle, no node imports. Dates are ISO strings; money is integer pence.

const Option = z.enum(LINE_OPTIONS);

export const LineCost = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hourly"),
    minutesPerWeek: z.number().int(),
    hourlyRatePence: z.number().int(),
  }),
  z.object({
    type: z.literal("recurring"),
    amountPence: z.number().int(),
    per: z.enum(["week", "month", "year"]),
  }),
  z.object({ type: z.literal("one-off"), amountPence: z.number().int() }),
]);
export type LineCost = z.infer<typeof LineCost>;

/** Where a support stands with one provider asked to take it on. */
export const PlanRequest = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  providerName: z.string(),
  status: z.enum(PLAN_STATUSES),
  offFramework: z.boolean(),
  startDate: z.string().nullable(),
  committedHoursPerWeek: z.number().int().nullable(),
});
export type PlanRequest = z.infer<typeof PlanRequest>;

/** One support in the plan, costed (a pooled support at the person's share). */
export const SupportLine = z.object({
  id: z.uuid(),
  outcomeId: z.uuid(),
  kind: z.enum(SUPPORT_KINDS),
  description: z.string(),
  option: Option,
  cost: LineCost,
  providerId: z.uuid().nullable(),
  serviceId: z.uuid().nullable(),
  poolId: z.uuid().nullable(),
  howItMeetsOutcome: z.string(),
  familyMemberReason: z.string().nullable(),
  annualPence: z.number().int(),
  provider: z.object({ id: z.uuid(), name: z.string(), onFramework: z.boolean() }).nullable(),
  /** The outcome it meets, in the person's own words. */
  outcome: z.string().nullable(),
  requests: z.array(PlanRequest),
});
export type SupportLine = z.infer<typeof SupportLine>;

export const ChoiceRecord = z.object({
  participants: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), name: z.string() })),
  informationGiven: z.array(z.object({ option: Option, how: z.string() })),
  decidedBy: z.enum(["person", "representative", "social-worker"]),
  reasons: z.string(),
});

/** The newest version of the plan: costed against the budget, its approval, principles, history. */
export const SupportPlan = z.object({
  id: z.uuid(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.uuid(), displayName: z.string() }),
  changeSummary: z.string(),
  option: z.enum([...LINE_OPTIONS, "4"]).nullable(),
  lines: z.array(SupportLine),
  costing: z.object({
    recurringAnnualPence: z.number().int(),
    oneOffPence: z.number().int(),
    totalPence: z.number().int(),
    budgetPence: z.number().int(),
    /** Positive: what is left; negative: how far the plan is over. */
    leftPence: z.number().int(),
    byOption: z.object({ "1": z.number().int(), "2": z.number().int(), "3": z.number().int() }),
  }),
  approval: z.object({
    /** Why a team manager must approve it, or null when the social worker may. */
    needed: z.string().nullable(),
    /** Who may approve (never the author), or how to unblock it, when a manager must. */
    waiting: z.string().nullable(),
    decision: z
      .object({
        decision: z.enum(PLAN_DECISIONS),
        note: z.string(),
        decidedBy: z.uuid(),
        decidedAt: z.string(),
      })
      .nullable(),
  }),
  choice: ChoiceRecord.nullable(),
  principles: z.array(
    z.object({
      principle: z.enum([
        "involvement",
        "collaboration",
        "informed-choice",
        "participation-and-dignity",
      ]),
      met: z.boolean(),
      evidence: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      version: z.number().int(),
      changeSummary: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
      decision: z.enum(PLAN_DECISIONS).nullable(),
    }),
  ),
});
export type SupportPlan = z.infer<typeof SupportPlan>;

/** The plan (null before one is written) and what the signed-in user may do with it. */
export const PlanReply = z.object({
  plan: SupportPlan.nullable(),
  may: z.object({
    /** Write the plan's supports (a new version), and ask a provider to take one on. */
    update: z.boolean(),
    /** Choose the option for each support, and ask providers from a shortlist. */
    choose: z.boolean(),
    /** Approve the newest version, or return it. */
    approve: z.boolean(),
    /** Set up support shared with others. */
    createPool: z.boolean(),
  }),
});
export type PlanReply = z.infer<typeof PlanReply>;

/** A new version of the plan, as saved. */
export const PlanVersionSaved = z.object({ id: z.uuid(), version: z.number().int() });
export type PlanVersionSaved = z.infer<typeof PlanVersionSaved>;

export const PlanDecided = z.object({
  version: z.number().int(),
  decision: z.enum(PLAN_DECISIONS),
  /** The budget an approval over budget recorded, or null. */
  budget: z
    .object({ id: z.uuid(), annualAmountPence: z.number().int(), reason: z.string() })
    .nullable(),
});
export type PlanDecided = z.infer<typeof PlanDecided>;

/** The whole-budget choice of option and provider. */
export const ProviderRequested = z.object({ planId: z.uuid(), status: z.enum(PLAN_STATUSES) });
export type ProviderRequested = z.infer<typeof ProviderRequested>;

/**
 * A request to (or plan with) the provider signed in, as the provider sees it: while it is only
 * asked, what it needs to decide, never the person's record.
 */
export const RequestToProvider = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  /** The council locality the person lives in. */
  locality: z.string(),
  option: Option,
  status: z.enum(PLAN_STATUSES),
  startDate: z.string().nullable(),
  committedHoursPerWeek: z.number().int().nullable(),
  annualAmountPence: z.number().int(),
  /** The support asked for (null for a whole-budget choice of provider). */
  support: z
    .object({
      kind: z.enum(SUPPORT_KINDS),
      description: z.string(),
      /** Hours a week, in minutes, for a support costed by the hour. */
      minutesPerWeek: z.number().int().nullable(),
      annualPence: z.number().int(),
    })
    .nullable(),
  /** Whether the provider sees what matters to the person (supporting them, or they agreed). */
  outcomesShared: z.boolean(),
  /** What matters to the person, in their own words: empty unless shared. */
  outcomes: z.array(z.object({ inOwnWords: z.string() })),
});
export type RequestToProvider = z.infer<typeof RequestToProvider>;

export const RequestsToProvider = z.object({ requests: z.array(RequestToProvider) });
export type RequestsToProvider = z.infer<typeof RequestsToProvider>;

/** The provider's answer to a request. */
export const RequestAnswered = z.object({ status: z.enum(["active", "declined"]) });
export type RequestAnswered = z.infer<typeof RequestAnswered>;

export const RequestsSent = z.object({
  requests: z.array(z.object({ id: z.uuid(), offFramework: z.boolean() })),
});
export type RequestsSent = z.infer<typeof RequestsSent>;

export const OffFrameworkChoices = z.object({
  providers: z.array(
    z.object({
      providerId: z.uuid(),
      name: z.string(),
      kind: z.enum(PROVIDER_KINDS),
      /** How many people chose them. */
      people: z.number().int(),
      firstChosenAt: z.string(),
    }),
  ),
});
export type OffFrameworkChoices = z.infer<typeof OffFrameworkChoices>;

export const PoolCreated = z.object({ poolId: z.uuid() });
export type PoolCreated = z.infer<typeof PoolCreated>;

/** A shared support the person is in, with their own share only: never who else is in it. */
export const Pool = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  members: z.number().int(),
  yourSharePence: z.number().int(),
  /** A one-off share is paid once, not every year. */
  oneOff: z.boolean(),
});
export type Pool = z.infer<typeof Pool>;

export const Pools = z.object({ pools: z.array(Pool) });
export type Pools = z.infer<typeof Pools>;
