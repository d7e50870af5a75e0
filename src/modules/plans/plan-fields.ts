import { z } from "zod";
import { pounds, requiredText } from "../../platform/http/fields";
import { MAX_RATE_PENCE } from "../../platform/money/pounds";
import { LINE_OPTIONS, SUPPORT_KINDS } from "./costing";
import { PARTICIPANT_ROLES } from "./principles";

// What a social worker, person or representative writes into a support plan.

/** "7.5" or "7.25" hours as whole minutes; refused unless it comes to whole minutes. */
export const hoursAsMinutes = z.string("Give the hours a week, like 7.5").transform((text, ctx) => {
  const m = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*$/.exec(text);
  const minutes = m
    ? Number(m[1]) * 60 + (Number((m[2] ?? "0").padEnd(2, "0")) * 60) / 100
    : Number.NaN;
  if (!Number.isInteger(minutes) || minutes > 168 * 60) {
    ctx.addIssue({
      code: "custom",
      message: "Give the hours a week, like 7.5 or 7.25 (at most 168)",
    });
    return z.NEVER;
  }
  return minutes;
});

export const CostInput = z.discriminatedUnion(
  "type",
  [
    z
      .object({
        type: z.literal("hourly"),
        /** Hours as people write them ("7.5"), or exact minutes (as a saved plan holds them). */
        hoursPerWeek: hoursAsMinutes.optional(),
        minutesPerWeek: z
          .number()
          .int()
          .min(0)
          .max(168 * 60)
          .optional(),
        hourlyRate: pounds(
          "Give the hourly rate in pounds up to £1,000, like 24.60",
          MAX_RATE_PENCE,
        ),
      })
      .refine((c) => (c.hoursPerWeek === undefined) !== (c.minutesPerWeek === undefined), {
        path: ["hoursPerWeek"],
        message: "Give the hours a week, like 7.5",
      })
      .transform(({ hoursPerWeek, minutesPerWeek, ...rest }) => ({
        ...rest,
        minutesPerWeek: (hoursPerWeek ?? minutesPerWeek) as number,
      })),
    z.object({
      type: z.literal("recurring"),
      amount: pounds("Give the amount in pounds, like 30.00"),
      per: z.enum(["week", "month", "year"], "Say how often: each week, month or year"),
    }),
    z.object({
      type: z.literal("one-off"),
      amount: pounds("Give the amount in pounds, like 450.00"),
    }),
  ],
  "Say how the support is paid for: by the hour, regularly, or once",
);

export const LineInput = z
  .object({
    id: z.uuid().optional(),
    outcomeId: z.uuid("Choose which outcome this support meets"),
    kind: z.enum(SUPPORT_KINDS, "Choose what kind of support this is"),
    description: requiredText("Describe the support", 500),
    option: z.enum(LINE_OPTIONS, "Choose Option 1, 2 or 3 for this support").default("3"),
    cost: CostInput.optional(),
    providerId: z.uuid("Choose a provider from the directory").nullable().default(null),
    serviceId: z.uuid("Choose a service from the directory").nullable().default(null),
    poolId: z.uuid("Choose a shared support").nullable().default(null),
    howItMeetsOutcome: z.string().trim().max(1000).default(""),
    familyMember: z.boolean().default(false),
    familyMemberReason: z.string().trim().max(2000).default(""),
  })
  // The rules about a line's fields are lineProblems (rules.ts), run on every write path.
  .refine((line) => line.kind === "pooled" || line.cost, {
    path: ["cost"],
    message: "Say what the support costs",
  });
export type LineInput = z.output<typeof LineInput>;

export const PlanInput = z.object({
  lines: z.array(LineInput).max(100, "A plan holds at most 100 supports"),
  changeSummary: requiredText("Say what changed and why", 2000),
});

export const ChoiceInput = z.object({
  options: z
    .array(z.object({ lineId: z.uuid(), option: z.enum(LINE_OPTIONS, "Choose Option 1, 2 or 3") }))
    .min(1, "Choose an option for each support"),
  participants: z
    .array(
      z.object({
        role: z.enum(PARTICIPANT_ROLES, "Choose who this was from the list"),
        name: requiredText("Give the name of each person who took part", 200),
      }),
    )
    .min(1, "Say who took part"),
  informationGiven: z.array(
    z.object({
      option: z.enum(LINE_OPTIONS),
      how: requiredText("Say how the information was given", 500),
    }),
  ),
  decidedBy: z.enum(["person", "representative", "social-worker"], "Say who made the decision"),
  reasons: z.string().trim().max(4000).default(""),
});
