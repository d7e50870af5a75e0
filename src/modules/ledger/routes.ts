import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import { csvObjects } from "../../platform/csv/parse";
import { renderPdf } from "../../platform/documents/pdf";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { PersonParams } from "../assessment/routes";
import { standing } from "../contracts/routes";
import { contracts } from "../contracts/schema";
import { contractView } from "../contracts/store";
import { pounds } from "../plans/plan-fields";
import { allocateMonth } from "./funds";
import { spendMonitoring } from "./monitoring-store";
import { reclaimProblem } from "./reclaim";
import { returnsOf, submitReturn } from "./return-store";
import { linesFromCsv, Period, ReturnLine } from "./returns";
import { fundAccount, reclaim, reversal } from "./rules";
import { providerReturnLines, providerReturns, returnLineMessages } from "./schema";
import { printableStatement, statementsOf } from "./statement-store";
import { balanceOf, recordTransaction, transactionWithEntries } from "./store";

const tags = ["Money"];
const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });

export function ledgerRoutes(app: App, { db }: RouteDeps) {
  /** The contract, with the actor's access to it checked (providers: their own contracts only). */
  async function contractFor(actor: Actor, contractId: string, action: "read" | "create") {
    const [c] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    if (!c) throw notFound("That contract");
    const access = await requireAccess(db, actor, {
      action,
      resource: "provider-return",
      personId: c.personId,
      relationship: await standing(db, actor, c),
    });
    const view = await contractView(db, c.id);
    if (!view) throw notFound("That contract");
    return { c, view, access };
  }

  async function submit(actor: Actor, contractId: string, period: string, lines: ReturnLine[]) {
    const { c, view, access } = await contractFor(actor, contractId, "create");
    if (view.status !== "active") throw conflict("Returns are made on a contract in force.");
    return db.transaction(async (tx) => {
      const result = await submitReturn(
        tx,
        { id: c.id, providerId: c.providerId, terms: view.terms },
        period,
        lines,
        actor.userId,
      );
      await access.record(tx, {
        resourceId: result.returnId,
        detail: { period, lines: lines.length },
      });
      return result;
    });
  }

  app.post(
    "/api/ledger/allocations",
    {
      schema: {
        tags,
        summary: "Pay the month's budget into every fund in force (idempotent)",
        body: z.object({ period: Period }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "ledger" });
      const result = await db.transaction(async (tx) => {
        const r = await allocateMonth(tx, request.body.period, actor.userId);
        await access.record(tx, { detail: r });
        return r;
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/api/contracts/:contractId/returns",
    {
      schema: {
        tags,
        summary: "A provider's return for a month: hours delivered against planned, and purchases",
        params: ContractParams,
        body: z.object({
          period: Period,
          lines: z.array(ReturnLine).min(1, "Add at least one line").max(200),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await submit(
            requireActor(request),
            request.params.contractId,
            request.body.period,
            request.body.lines,
          ),
        ),
  );

  app.post(
    "/api/contracts/:contractId/returns.csv",
    {
      schema: {
        tags,
        summary: "The same return as a CSV upload; every bad row is reported and nothing is kept",
        params: ContractParams,
        querystring: z.object({ period: Period }),
        consumes: ["text/csv"],
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body))
        throw new Problem(415, "Send CSV", "Send the return as text/csv.");
      let rows: ReturnType<typeof csvObjects>;
      try {
        rows = csvObjects(request.body.toString("utf8"));
      } catch (error) {
        throw invalid([{ path: "line.0", message: (error as Error).message }]);
      }
      const { lines, errors } = linesFromCsv(rows);
      if (errors.length) throw invalid(errors);
      return reply
        .code(201)
        .send(
          await submit(
            requireActor(request),
            request.params.contractId,
            request.query.period,
            lines,
          ),
        );
    },
  );

  app.post(
    "/api/contracts/:contractId/direct-payment-returns",
    {
      schema: {
        tags,
        summary: "A direct payment recipient's simple return: what the month's money was spent on",
        params: ContractParams,
        body: z.object({
          period: Period,
          lines: z
            .array(
              z.object({
                description: requiredText("Say what was paid for", 300),
                amount: pounds("Give the amount in pounds, like 120.00"),
              }),
            )
            .min(1, "Add at least one thing paid for")
            .max(100),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const [c] = await db
        .select()
        .from(contracts)
        .where(eq(contracts.id, request.params.contractId));
      if (!c) throw notFound("That contract");
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "direct-payment-return",
        personId: c.personId,
      });
      const view = await contractView(db, c.id);
      if (c.kind !== "direct-payment-agreement" || view?.status !== "active")
        throw conflict("A direct payment return is made on a direct payment agreement in force.");
      const lines: ReturnLine[] = request.body.lines.map((l) => ({ kind: "purchase", ...l }));
      const result = await db.transaction(async (tx) => {
        const r = await submitReturn(
          tx,
          { id: c.id, providerId: null, terms: view.terms },
          request.body.period,
          lines,
          actor.userId,
        );
        await access.record(tx, {
          resourceId: r.returnId,
          detail: { period: request.body.period },
        });
        return r;
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    "/api/contracts/:contractId/reclaim",
    {
      schema: {
        tags,
        summary:
          "Reclaim unspent money above the agreed contingency, by a recorded decision (finance)",
        params: ContractParams,
        body: z.object({
          period: Period,
          amount: pounds("Give the amount in pounds, like 500.00"),
          reason: requiredText("Record the reason for the decision", 2000),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "ledger" });
      const view = await contractView(db, request.params.contractId);
      if (!view) throw notFound("That contract");
      const fund = fundAccount(view.id);
      const problem = reclaimProblem(
        await balanceOf(db, fund),
        view.terms.annualPence,
        request.body.amount,
      );
      if (problem) throw invalid([{ path: "amount", message: problem }]);
      const result = await db.transaction(async (tx) => {
        const r = await recordTransaction(tx, {
          transaction: reclaim(fund, request.body.amount),
          sourceType: "decision",
          sourceId: view.id,
          idempotencyKey: `reclaim:${fund}:${request.body.period}`,
          period: request.body.period,
          memo: `Reclaimed: ${request.body.reason}`,
          recordedBy: actor.userId,
        });
        if (!r.recorded)
          throw conflict(
            `Money has already been reclaimed from this fund for ${request.body.period}.`,
          );
        await access.record(tx, {
          resourceId: r.id ?? undefined,
          detail: { reclaimedPence: request.body.amount },
        });
        return r;
      });
      return reply.code(201).send({ transactionId: result.id });
    },
  );

  app.get(
    "/api/contracts/:contractId/returns",
    {
      schema: {
        tags,
        summary: "The provider's returns on a contract, with any queries on lines",
        params: ContractParams,
      },
    },
    async (request) => {
      const { c, access } = await contractFor(
        requireActor(request),
        request.params.contractId,
        "read",
      );
      const returns = await returnsOf(db, c.id);
      await access.record(db, { resourceId: c.id, detail: { returns: returns.length } });
      return { returns };
    },
  );

  app.post(
    "/api/return-lines/:lineId/messages",
    {
      schema: {
        tags,
        summary: "Query a line of a return, or answer a query: the conversation is kept",
        params: z.object({ lineId: z.uuid("That is not a return line's id") }),
        body: z.object({ message: requiredText("Write the message", 2000) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const [line] = await db
        .select({ id: providerReturnLines.id, contractId: providerReturns.contractId })
        .from(providerReturnLines)
        .innerJoin(providerReturns, eq(providerReturns.id, providerReturnLines.returnId))
        .where(eq(providerReturnLines.id, request.params.lineId));
      if (!line) throw notFound("That line");
      const { access } = await contractFor(actor, line.contractId, "read");
      const [row] = await db
        .insert(returnLineMessages)
        .values({ lineId: line.id, message: request.body.message, sentBy: actor.userId })
        .returning({ id: returnLineMessages.id });
      await access.record(db, { resourceId: line.id, detail: { message: true } });
      return reply.code(201).send({ messageId: row?.id });
    },
  );

  app.post(
    "/api/ledger/transactions/:transactionId/reversal",
    {
      schema: {
        tags,
        summary: "Correct a transaction by reversing it (never an edit); once only",
        params: z.object({ transactionId: z.uuid("That is not a transaction's id") }),
        body: z.object({ reason: requiredText("Say why it is reversed", 2000) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "ledger" });
      const original = await transactionWithEntries(db, request.params.transactionId);
      if (!original) throw notFound("That transaction");
      if (original.kind === "reversal")
        throw conflict("A reversal is not itself reversed: record the right transaction.");
      const result = await db.transaction(async (tx) => {
        const r = await recordTransaction(tx, {
          transaction: reversal({ kind: original.kind, postings: original.postings }),
          sourceType: "decision",
          sourceId: original.id,
          idempotencyKey: `reversal:${original.id}`,
          reversesId: original.id,
          period: original.period,
          memo: `Correction: ${request.body.reason}`,
          recordedBy: actor.userId,
        });
        if (!r.recorded) throw conflict("This transaction has already been reversed.");
        await access.record(tx, {
          resourceId: r.id ?? undefined,
          detail: { reverses: original.id },
        });
        return r;
      });
      return reply.code(201).send({ transactionId: result.id });
    },
  );

  app.get(
    "/api/money/monitoring",
    {
      schema: {
        tags,
        summary:
          "Option 1 and 2 spend against budget by area, provider and care group, with flags to talk about",
        querystring: z.object({ asOf: Period }),
      },
    },
    async (request) => {
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "ledger",
      });
      const result = await spendMonitoring(db, request.query.asOf);
      await access.record(db, { detail: { asOf: request.query.asOf, funds: result.funds.length } });
      return result;
    },
  );

  app.get(
    "/api/people/:personId/statements/:period",
    {
      schema: {
        tags,
        summary: "The person's statement for a month: in, out on what, left, for each fund",
        params: PersonParams.extend({ period: Period }),
      },
    },
    async (request) => {
      const { personId, period } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "read",
        resource: "statement",
        personId,
      });
      const statements = await statementsOf(db, personId, period, actor);
      await access.record(db, { detail: { period, funds: statements.length } });
      return { period, statements };
    },
  );

  app.get(
    "/api/people/:personId/statements/:period/statement.pdf",
    {
      schema: {
        tags,
        summary: "The month's statement as a PDF, in full or easy read (large type)",
        params: PersonParams.extend({ period: Period }),
        querystring: z.object({ format: z.enum(["full", "easy-read"]).default("full") }),
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { personId, period } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "read",
        resource: "statement",
        personId,
      });
      const statements = await statementsOf(db, personId, period, actor);
      const easy = request.query.format === "easy-read";
      const pdf = await renderPdf(
        printableStatement(period, statements, easy),
        easy ? "large" : "standard",
      );
      await access.record(db, { detail: { period, document: request.query.format } });
      return reply.type("application/pdf").send(pdf);
    },
  );
}
