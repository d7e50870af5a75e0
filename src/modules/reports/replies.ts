import { z } from "zod";

// The shapes the report routes return: aggregates only, never anyone's personal data.

export const ReportSummary = z.object({
  peopleByStage: z.record(z.string(), z.number().int()),
  plansByOption: z.record(z.string(), z.number().int()),
  activeAnnualBudgetPence: z.number().int(),
  providersByKind: z.record(z.string(), z.number().int()),
  people: z.number().int(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;
