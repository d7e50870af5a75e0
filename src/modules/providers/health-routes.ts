import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { isoDate, requiredText } from "../../platform/http/fields";
import { type FieldError, invalid } from "../../platform/http/problem";
import { MAX_ORGANISATION_PENCE, parsePounds } from "../../platform/money/pounds";
import { CREDIT_RATINGS, financialHealth } from "./financial-health";
import { providerHealth, recordContingencyPlan, recordFinancialCheck } from "./health-store";
import { ContingencyPlanRecorded, FinancialCheckRecorded, MarketHealth } from "./replies";

const ProviderParams = z.object({ providerId: z.uuid("That is not a provider's id") });
const Check = z.object({
  turnover: z.string().max(30),
  surplus: z.string().max(30).describe('Pounds; a deficit starts with "-"'),
  reservesMonths: z.string().regex(/^\d{1,3}(\.\d)?$/, "Reserves in months, like 2.5"),
  dependencePercent: z.number().int("A whole percent").min(0).max(100),
  creditRating: z.enum(CREDIT_RATINGS, "Choose a credit rating, or none"),
  reviewedOn: isoDate("Reviewed on"),
  nextReviewDue: isoDate("Next review due"),
});

/** Exact pence from typed pounds, allowing a minus sign; a field error otherwise. */
function signedPence(text: string, path: string, errors: FieldError[]): number {
  const negative = text.trim().startsWith("-");
  const parsed = parsePounds(text.trim().replace(/^-/, ""), MAX_ORGANISATION_PENCE);
  if ("error" in parsed) {
    errors.push({ path, message: parsed.error });
    return 0;
  }
  return negative ? -parsed.pence : parsed.pence;
}

/** The indicators of a check as typed, or every field error in it (before anything is written). */
function indicatorsOf(body: z.output<typeof Check>) {
  const errors: FieldError[] = [];
  const turnoverPence = signedPence(body.turnover, "turnover", errors);
  const surplusPence = signedPence(body.surplus, "surplus", errors);
  if (body.nextReviewDue <= body.reviewedOn)
    errors.push({ path: "nextReviewDue", message: "The next review comes after this one" });
  if (errors.length > 0) throw invalid(errors);
  return {
    turnoverPence,
    surplusPence,
    reservesMonthsTenths: Math.round(Number(body.reservesMonths) * 10),
    dependencePercent: body.dependencePercent,
    creditRating: body.creditRating,
  };
}

/** Financial due diligence and contingency planning for commissioners (seed 004, 18-22). */
export function providerHealthRoutes(app: App, deps: RouteDeps) {
  const tags = ["Providers"];

  command(app, deps, {
    method: "POST",
    url: "/api/providers/:providerId/financial-checks",
    schema: {
      tags,
      summary: "Record a financial due-diligence check of a provider",
      params: ProviderParams,
      body: Check,
      response: { 201: FinancialCheckRecorded },
    },
    access: { action: "create", resource: "provider-health" },
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const indicators = indicatorsOf(body);
      const { reviewedOn, nextReviewDue } = body;
      const id = await recordFinancialCheck(
        db,
        params.providerId,
        { ...indicators, reviewedOn, nextReviewDue },
        actor.userId,
      );
      audit({ resourceId: id });
      const today = new Date().toISOString().slice(0, 10);
      return { id, ...financialHealth({ indicators, nextReviewDue }, today) };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/providers/:providerId/contingency-plans",
    schema: {
      tags,
      summary: "Record what the council will do if this provider fails",
      params: ProviderParams,
      body: z.object({ plan: requiredText("Write the contingency plan", 10_000) }),
      response: { 201: ContingencyPlanRecorded },
    },
    access: { action: "create", resource: "provider-health" },
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const recorded = await recordContingencyPlan(db, params.providerId, body.plan, actor.userId);
      audit({ resourceId: recorded.providerId, detail: { contingencyPlan: true } });
      return recorded;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/market/provider-health",
    schema: {
      tags,
      summary:
        "Every provider's financial health (red, amber, green) with reasons, overdue checks and contingency",
      response: { 200: MarketHealth },
    },
    access: { action: "read", resource: "provider-health" },
    run: async ({ db }) => ({ providers: await providerHealth(db) }),
  });
}
