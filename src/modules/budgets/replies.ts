import { z } from "zod";

// The shapes the budget and RAS routes return: the reply schemas and the web's types.

export const NewBudgetReply = z.object({
  id: z.uuid(),
  annualAmountPence: z.number().int(),
  approvalNeeded: z.string().nullable(),
});
export type NewBudgetReply = z.infer<typeof NewBudgetReply>;

const BudgetLine = z.object({ text: z.string(), pence: z.number().int() });

export const IndicativeBudgetReply = z.object({
  id: z.uuid(),
  rasVersion: z.number().int(),
  approvalNeeded: z.string().nullable(),
  points: z.number(),
  basePence: z.number().int(),
  totalPence: z.number().int(),
  lines: z.array(BudgetLine),
});
export type IndicativeBudgetReply = z.infer<typeof IndicativeBudgetReply>;

export const RasDefinition = z.object({
  careGroups: z.array(z.string()),
  questions: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      answers: z.array(z.object({ value: z.string(), label: z.string(), points: z.number() })),
    }),
  ),
  bands: z.array(
    z.object({
      fromPoints: z.number(),
      toPoints: z.number().nullable(),
      pencePerPoint: z.record(z.string(), z.number()),
    }),
  ),
  adjustments: z.array(z.object({ key: z.string(), label: z.string(), basisPoints: z.number() })),
});
export type RasDefinition = z.infer<typeof RasDefinition>;

export const PublishedRas = z.object({
  version: z.number().int(),
  name: z.string(),
  effectiveFrom: z.string(),
  definition: RasDefinition,
});
export type PublishedRas = z.infer<typeof PublishedRas>;

const RAS_STATUSES = ["draft", "published"] as const;

export const RasVersions = z.object({
  versions: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      name: z.string(),
      status: z.enum(RAS_STATUSES),
      effectiveFrom: z.string(),
      publishedAt: z.string().nullable(),
    }),
  ),
});
export type RasVersions = z.infer<typeof RasVersions>;

export const NewRasVersionReply = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.literal("draft"),
});
export type NewRasVersionReply = z.infer<typeof NewRasVersionReply>;

export const RasPublication = z.object({
  status: z.literal("published"),
  version: z.number().int(),
});
export type RasPublication = z.infer<typeof RasPublication>;

const Change = z.object({
  people: z.number().int(),
  up: z.number().int(),
  down: z.number().int(),
  same: z.number().int(),
  unscored: z.number().int(),
  currentPence: z.number().int(),
  proposedPence: z.number().int(),
  changePence: z.number().int(),
});

export const RasImpact = z.object({
  version: z.number().int(),
  overall: Change,
  byLocality: z.record(z.string(), Change),
  byCareGroup: z.record(z.string(), Change),
});
export type RasImpact = z.infer<typeof RasImpact>;

export const AwaitingApproval = z.object({
  budgets: z.array(
    z.object({
      id: z.uuid(),
      personId: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      annualAmountPence: z.number().int(),
      reason: z.string(),
      approvalNeeded: z.string().nullable(),
      setAt: z.string(),
      setBy: z.string(),
    }),
  ),
});
export type AwaitingApproval = z.infer<typeof AwaitingApproval>;

export const BudgetDecision = z.object({ decision: z.enum(["approved", "rejected"]) });
export type BudgetDecision = z.infer<typeof BudgetDecision>;

/** The limits of a social worker's budget authority. */
export const Authority = z.object({
  maxAnnualPence: z.number().int(),
  maxAdjustmentBasisPoints: z.number().int(),
});
export type Authority = z.infer<typeof Authority>;
