import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import {
  approveRun,
  draftRun,
  holdLine,
  paymentFile,
  payRun,
  runView,
  setDirectPaymentBankDetails,
  setProviderBankDetails,
} from "./payment-store";
import { BankDetailsUpdated, PaymentRun, RunPaid } from "./replies";
import { Period } from "./returns";

const tags = ["Money"];
const BankDetails = z.object({
  sortCode: z.string().regex(/^\d{2}-?\d{2}-?\d{2}$/, "A sort code is six digits, like 80-22-60"),
  accountNumber: z.string().regex(/^\d{8}$/, "An account number is eight digits"),
});
const RunParams = z.object({ runId: z.uuid("That is not a payment run's id") });
/** Payments are finance's: every route here is the ledger's, whoever the money is for. */
const finance = { action: "create", resource: "ledger" } as const;

export function paymentRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/payment-runs",
    schema: {
      tags,
      summary: "Draft a payment run: what each provider is owed",
      body: z.object({ period: Period }),
      response: { 201: PaymentRun },
    },
    access: finance,
    status: 201,
    run: async ({ db, body, actor, audit }): Promise<PaymentRun> => {
      const id = await draftRun(db, body.period, actor.userId);
      audit({ resourceId: id });
      return runView(db, id);
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/payment-runs/:runId",
    schema: {
      tags,
      summary: "A payment run and its lines",
      params: RunParams,
      response: { 200: PaymentRun },
    },
    access: finance,
    run: async ({ db, params, audit }): Promise<PaymentRun> => {
      const run = await runView(db, params.runId);
      // Direct payment lines name people: reading a run is audited like any personal record.
      audit({ resourceId: run.id, detail: { read: "payment-run" } });
      return run;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/payment-run-lines/:lineId/hold",
    schema: {
      tags,
      summary: "Hold a line with a reason: it is not paid in this run",
      params: z.object({ lineId: z.uuid("That is not a line's id") }),
      body: z.object({ reason: requiredText("Say why the line is held", 500) }),
      response: { 200: PaymentRun },
    },
    access: finance,
    run: async ({ db, params, body, audit }): Promise<PaymentRun> => {
      const runId = await holdLine(db, params.lineId, body.reason);
      audit({ resourceId: params.lineId, detail: { held: true } });
      return runView(db, runId);
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/payment-runs/:runId/approval",
    schema: {
      tags,
      summary: "A second finance officer approves the run",
      params: RunParams,
      response: { 200: PaymentRun },
    },
    access: finance,
    run: async ({ db, params, actor, audit }): Promise<PaymentRun> => {
      await approveRun(db, params.runId, actor.userId);
      audit({ resourceId: params.runId, detail: { approved: true } });
      return runView(db, params.runId);
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/payment-runs/:runId/payment",
    schema: {
      tags,
      summary: "Record the approved run as paid (safe to retry: nobody is paid twice)",
      params: RunParams,
      response: { 200: RunPaid },
    },
    access: finance,
    run: async ({ db, params, actor, audit }): Promise<RunPaid> => {
      const result = await payRun(db, params.runId, actor.userId);
      audit({ resourceId: params.runId, detail: result });
      return result;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/payment-runs/:runId/payments.:format",
    schema: {
      tags,
      summary:
        "The payment file: CSV, or a BACS Standard 18 style fixed-width file (approved runs)",
      params: RunParams.extend({
        format: z.enum(["csv", "txt"], "The file is .csv or .txt (Standard 18)"),
      }),
    },
    access: finance,
    run: async ({ db, params, reply, audit }) => {
      const file = await paymentFile(db, params.runId, params.format);
      audit({ resourceId: file.runId, detail: { file: params.format } });
      reply.type(file.type);
      return file.text;
    },
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/contracts/:contractId/bank-details",
    schema: {
      tags,
      summary: "Where a person's direct payment is paid (finance)",
      params: z.object({ contractId: z.uuid("That is not a contract's id") }),
      body: BankDetails,
      response: { 200: BankDetailsUpdated },
    },
    access: finance,
    run: async ({ db, params, body, audit }): Promise<BankDetailsUpdated> => {
      const row = await setDirectPaymentBankDetails(db, params.contractId, body);
      audit({
        resourceId: params.contractId,
        personId: row.personId,
        detail: { bankDetails: true },
      });
      return { updated: true };
    },
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/providers/:providerId/bank-details",
    schema: {
      tags,
      summary: "Where a provider is paid (finance)",
      params: z.object({ providerId: z.uuid("That is not a provider's id") }),
      body: BankDetails,
      response: { 200: BankDetailsUpdated },
    },
    access: finance,
    run: async ({ db, params, body, audit }): Promise<BankDetailsUpdated> => {
      const row = await setProviderBankDetails(db, params.providerId, body);
      audit({ resourceId: row.id, detail: { bankDetails: true } });
      return { updated: true };
    },
  });
}
