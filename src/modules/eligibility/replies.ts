import { z } from "zod";
import { RISK_LEVELS, SIGN_OFF_RULES } from "./levels";

// What the eligibility routes reply (zod only: the web imports these types).

export const DecisionRecorded = z.object({ id: z.uuid(), eligible: z.boolean() });
export type DecisionRecorded = z.infer<typeof DecisionRecorded>;

/** The criteria in force: the council's newest, or the built-in default (no id) before any. */
export const Criteria = z.object({
  id: z.uuid().nullable(),
  fundedLevels: z.array(z.enum(RISK_LEVELS)),
  publishedText: z.string(),
  setAt: z.string().nullable(),
});
export type Criteria = z.infer<typeof Criteria>;

/** When a team manager signs off an assessment, in force, with its words for the page. */
export const SignOffSetting = z.object({
  rule: z.enum(SIGN_OFF_RULES),
  fromLevel: z.enum(RISK_LEVELS).nullable(),
  words: z.string(),
  setAt: z.string().nullable(),
  setBy: z.string().nullable(),
});
export type SignOffSetting = z.infer<typeof SignOffSetting>;
