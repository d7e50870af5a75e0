import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, notFound } from "../../platform/http/problem";
import { councilName } from "../contracts/store";
import { requireAccess } from "../people/access";
import { providers } from "../providers/schema";
import { approveRun, draftRun, holdLine, payRun, runView } from "./payment-store";
import { bacsFile, paymentCsv } from "./payments";
import { Period } from "./returns";
import { fundAccount } from "./rules";
import { ledgerAccounts } from "./schema";

const tags = ["Money"];
const BankDetails = z.object({
  sortCode: z.string().regex(/^\d{2}-?\d{2}-?\d{2}$/, "A sort code is six digits, like 80-22-60"),
  accountNumber: z.string().regex(/^\d{8}$/, "An account number is eight digits"),
});
const RunParams = z.object({ runId: z.uuid("That is not a payment run's id") });

/** The council's own bank account, as the payment file's originator (set by the council). */
const ORIGINATOR = () => ({
  sortCode: process.env.CAIRN_BANK_SORT_CODE ?? "000000",
  accountNumber: process.env.CAIRN_BANK_ACCOUNT ?? "00000000",
  name: councilName(),
});

export function paymentRoutes(app: App, { db }: RouteDeps) {
  const finance = (actor: Actor) =>
    requireAccess(db, actor, { action: "create", resource: "ledger" });

  app.post(
    "/api/payment-runs",
    {
      schema: {
        tags,
        summary: "Draft a payment run: what each provider is owed",
        body: z.object({ period: Period }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await finance(actor);
      const runId = await db.transaction(async (tx) => {
        const id = await draftRun(tx, request.body.period, actor.userId);
        await access.record(tx, { resourceId: id });
        return id;
      });
      return reply.code(201).send(await runView(db, runId));
    },
  );

  app.get(
    "/api/payment-runs/:runId",
    { schema: { tags, summary: "A payment run and its lines", params: RunParams } },
    async (request) => {
      const access = await finance(requireActor(request));
      const run = await runView(db, request.params.runId);
      // Direct payment lines name people: reading a run is audited like any personal record.
      await access.record(db, { resourceId: run.id, detail: { read: "payment-run" } });
      return run;
    },
  );

  app.post(
    "/api/payment-run-lines/:lineId/hold",
    {
      schema: {
        tags,
        summary: "Hold a line with a reason: it is not paid in this run",
        params: z.object({ lineId: z.uuid("That is not a line's id") }),
        body: z.object({ reason: requiredText("Say why the line is held", 500) }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await finance(actor);
      const runId = await db.transaction(async (tx) => {
        const id = await holdLine(tx, request.params.lineId, request.body.reason);
        await access.record(tx, { resourceId: request.params.lineId, detail: { held: true } });
        return id;
      });
      return runView(db, runId);
    },
  );

  app.post(
    "/api/payment-runs/:runId/approval",
    { schema: { tags, summary: "A second finance officer approves the run", params: RunParams } },
    async (request) => {
      const actor = requireActor(request);
      const access = await finance(actor);
      await db.transaction(async (tx) => {
        await approveRun(tx, request.params.runId, actor.userId);
        await access.record(tx, { resourceId: request.params.runId, detail: { approved: true } });
      });
      return runView(db, request.params.runId);
    },
  );

  app.post(
    "/api/payment-runs/:runId/payment",
    {
      schema: {
        tags,
        summary: "Record the approved run as paid (safe to retry: nobody is paid twice)",
        params: RunParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await finance(actor);
      return db.transaction(async (tx) => {
        const result = await payRun(tx, request.params.runId, actor.userId);
        await access.record(tx, { resourceId: request.params.runId, detail: result });
        return result;
      });
    },
  );

  app.get(
    "/api/payment-runs/:runId/payments.:format",
    {
      schema: {
        tags,
        summary:
          "The payment file: CSV, or a BACS Standard 18 style fixed-width file (approved runs)",
        params: RunParams.extend({
          format: z.enum(["csv", "txt"], "The file is .csv or .txt (Standard 18)"),
        }),
      },
    },
    async (request, reply) => {
      const access = await finance(requireActor(request));
      const run = await runView(db, request.params.runId);
      if (run.status === "draft")
        throw conflict("The payment file is written once the run is approved.");
      await access.record(db, { resourceId: run.id, detail: { file: request.params.format } });
      const lines = run.lines.map((l) => ({ ...l, reference: run.reference }));
      return request.params.format === "csv"
        ? reply.type("text/csv; charset=utf-8").send(paymentCsv(lines))
        : reply.type("text/plain; charset=us-ascii").send(bacsFile(lines, ORIGINATOR()));
    },
  );

  app.put(
    "/api/contracts/:contractId/bank-details",
    {
      schema: {
        tags,
        summary: "Where a person's direct payment is paid (finance)",
        params: z.object({ contractId: z.uuid("That is not a contract's id") }),
        body: BankDetails,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await finance(actor);
      const [row] = await db
        .update(ledgerAccounts)
        .set({
          bankSortCode: request.body.sortCode.replaceAll("-", ""),
          bankAccountNumber: request.body.accountNumber,
        })
        .where(
          and(
            eq(ledgerAccounts.key, fundAccount(request.params.contractId)),
            eq(ledgerAccounts.option, "1"),
          ),
        )
        .returning({ key: ledgerAccounts.key, personId: ledgerAccounts.personId });
      if (!row) throw notFound("A direct payment account for that contract");
      await access.record(db, {
        resourceId: request.params.contractId,
        personId: row.personId ?? undefined,
        detail: { bankDetails: true },
      });
      return { updated: true };
    },
  );

  app.put(
    "/api/providers/:providerId/bank-details",
    {
      schema: {
        tags,
        summary: "Where a provider is paid (finance)",
        params: z.object({ providerId: z.uuid("That is not a provider's id") }),
        body: BankDetails,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await finance(actor);
      const [row] = await db
        .update(providers)
        .set({
          bankSortCode: request.body.sortCode.replaceAll("-", ""),
          bankAccountNumber: request.body.accountNumber,
        })
        .where(eq(providers.id, request.params.providerId))
        .returning({ id: providers.id });
      if (!row) throw notFound("That provider");
      await access.record(db, { resourceId: row.id, detail: { bankDetails: true } });
      return { updated: true };
    },
  );
}
