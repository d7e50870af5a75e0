import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import {
  approveBankDetails,
  directPaymentPayee,
  findBankVersion,
  payees,
  proposeBankDetails,
  providerPayee,
} from "./bank-details-store";
import { approveRun, draftRun, holdLine, paymentFile, payRun, runView } from "./payment-store";
import { maskedBank } from "./payments";
import { BankDetailsApproved, BankDetailsProposed, Payees, PaymentRun, RunPaid } from "./replies";
import { Period } from "./returns";

const tags = ["Money"];
const BankDetails = z.object({
  sortCode: z.string().regex(/^\d{2}-?\d{2}-?\d{2}$/, "A sort code is six digits, like 80-22-60"),
  accountNumber: z.string().regex(/^\d{8}$/, "An account number is eight digits"),
});
/** A run as every reply shows it: account numbers and sort codes masked (the file alone has them). */
const shownRun = async (run: Promise<PaymentRun>): Promise<PaymentRun> => {
  const r = await run;
  return { ...r, lines: r.lines.map(maskedBank) };
};
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
      return shownRun(runView(db, id));
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
      const run = await shownRun(runView(db, params.runId));
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
      return shownRun(runView(db, runId));
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
      return shownRun(runView(db, params.runId));
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
    method: "GET",
    url: "/api/payees",
    schema: {
      tags,
      summary: "Whom finance pays, with the bank details in use and any change waiting (masked)",
      response: { 200: Payees },
    },
    access: { action: "list", resource: "bank-details" },
    run: async ({ db, actor, shown }): Promise<Payees> => {
      const list = await payees(db, actor.userId);
      // A direct payment names a person: each one listed is audited on their record.
      shown(list.map((p) => ({ resourceId: p.payee, personId: p.personId })));
      return { payees: list };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/bank-details",
    schema: {
      tags,
      summary:
        "Propose where a person's direct payment is paid: used once a second finance officer approves",
      params: z.object({ contractId: z.uuid("That is not a contract's id") }),
      body: BankDetails,
      response: { 201: BankDetailsProposed },
    },
    access: { action: "create", resource: "bank-details" },
    find: ({ db, params }) => directPaymentPayee(db, params.contractId),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<BankDetailsProposed> => {
      const result = await proposeBankDetails(db, found, body, actor.userId);
      audit({ resourceId: result.versionId, detail: { payee: found.payee, ...result } });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/providers/:providerId/bank-details",
    schema: {
      tags,
      summary: "Propose where a provider is paid: used once a second finance officer approves",
      params: z.object({ providerId: z.uuid("That is not a provider's id") }),
      body: BankDetails,
      response: { 201: BankDetailsProposed },
    },
    access: { action: "create", resource: "bank-details" },
    find: ({ db, params }) => providerPayee(db, params.providerId),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<BankDetailsProposed> => {
      const result = await proposeBankDetails(db, found, body, actor.userId);
      audit({ resourceId: result.versionId, detail: { payee: found.payee, ...result } });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/bank-details/:versionId/approval",
    schema: {
      tags,
      summary:
        "A second finance officer approves proposed bank details: runs pay into them from now",
      params: z.object({ versionId: z.uuid("That is not an id of bank details") }),
      response: { 200: BankDetailsApproved },
    },
    access: { action: "approve", resource: "bank-details" },
    find: ({ db, params }) => findBankVersion(db, params.versionId),
    run: async ({ db, found, actor, audit }): Promise<BankDetailsApproved> => {
      const approved = await approveBankDetails(db, found, actor.userId);
      audit({ detail: { payee: found.payee, approved } });
      return { versionId: found.id, ...approved };
    },
  });
}
