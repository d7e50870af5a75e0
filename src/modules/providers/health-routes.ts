import { eq } from "drizzle-orm";
import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { isoDate, requiredText } from "../../platform/http/fields";
import { type FieldError, invalid, notFound } from "../../platform/http/problem";
import { MAX_ORGANISATION_PENCE, parsePounds } from "../../platform/money/pounds";
import { requireAccess } from "../people/access";
import { CREDIT_RATINGS, financialHealth } from "./financial-health";
import { providerHealth } from "./health-store";
import { providerContingencyPlans, providerFinancialChecks, providers } from "./schema";

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

/** Financial due diligence and contingency planning for commissioners (seed 004, 18-22). */
export function providerHealthRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Providers"];

  app.post(
    "/api/providers/:providerId/financial-checks",
    {
      schema: {
        tags,
        summary: "Record a financial due-diligence check of a provider",
        params: ProviderParams,
        body: Check,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "provider-health",
      });
      const body = request.body;
      const errors: FieldError[] = [];
      const turnoverPence = signedPence(body.turnover, "turnover", errors);
      const surplusPence = signedPence(body.surplus, "surplus", errors);
      if (body.nextReviewDue <= body.reviewedOn)
        errors.push({ path: "nextReviewDue", message: "The next review comes after this one" });
      if (errors.length > 0) throw invalid(errors);
      const [provider] = await db
        .select({ id: providers.id })
        .from(providers)
        .where(eq(providers.id, request.params.providerId));
      if (!provider) throw notFound("That provider");
      const indicators = {
        turnoverPence,
        surplusPence,
        reservesMonthsTenths: Math.round(Number(body.reservesMonths) * 10),
        dependencePercent: body.dependencePercent,
        creditRating: body.creditRating,
      };
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(providerFinancialChecks)
          .values({
            ...indicators,
            providerId: provider.id,
            reviewedOn: body.reviewedOn,
            nextReviewDue: body.nextReviewDue,
            recordedBy: actor.userId,
          })
          .returning({ id: providerFinancialChecks.id });
        await access.record(tx, { resourceId: row?.id });
        return row?.id;
      });
      const today = new Date().toISOString().slice(0, 10);
      return reply
        .code(201)
        .send({ id, ...financialHealth({ indicators, nextReviewDue: body.nextReviewDue }, today) });
    },
  );

  app.post(
    "/api/providers/:providerId/contingency-plans",
    {
      schema: {
        tags,
        summary: "Record what the council will do if this provider fails",
        params: ProviderParams,
        body: z.object({ plan: requiredText("Write the contingency plan", 10_000) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "provider-health",
      });
      const [provider] = await db
        .select({ id: providers.id })
        .from(providers)
        .where(eq(providers.id, request.params.providerId));
      if (!provider) throw notFound("That provider");
      await db.transaction(async (tx) => {
        await tx
          .insert(providerContingencyPlans)
          .values({ providerId: provider.id, plan: request.body.plan, recordedBy: actor.userId });
        await access.record(tx, { resourceId: provider.id, detail: { contingencyPlan: true } });
      });
      return reply.code(201).send({ providerId: provider.id });
    },
  );

  app.get(
    "/api/market/provider-health",
    {
      schema: {
        tags,
        summary:
          "Every provider's financial health (red, amber, green) with reasons, overdue checks and contingency",
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "provider-health",
      });
      return { providers: await providerHealth(db) };
    },
  );
}
