import { eq } from "drizzle-orm";
import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { pounds, requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { contractView } from "../contracts/store";
import { requireAccess } from "../people/access";

import { allocateMonth } from "./funds";
import { spendMonitoring } from "./monitoring-store";
import { RECLAIM_CLAUSE, reclaimProblem } from "./reclaim";
import { Period } from "./returns";
import { contribution, contributionAccount, fundAccount, reclaim, reversal } from "./rules";
import { ledgerAccounts } from "./schema";
import { balanceOf, ensureAccounts, recordTransaction, transactionWithEntries } from "./store";

const tags = ["Money"];
const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });

export function ledgerRoutes(app: App, { db }: RouteDeps) {
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
    "/api/contracts/:contractId/contributions",
    {
      schema: {
        tags,
        summary: "Record the person's assessed contribution for a month into their fund (finance)",
        params: ContractParams,
        body: z.object({ period: Period, amount: pounds("Give the amount in pounds, like 25.00") }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "ledger" });
      const view = await contractView(db, request.params.contractId);
      if (view?.status !== "active")
        throw conflict("Contributions go into a fund whose contract is in force.");
      const result = await db.transaction(async (tx) => {
        await ensureAccounts(tx, [
          {
            key: contributionAccount(view.personId),
            kind: "contribution",
            label: "The person's contributions",
            personId: view.personId,
          },
        ]);
        const r = await recordTransaction(tx, {
          transaction: contribution(view.personId, fundAccount(view.id), request.body.amount),
          sourceType: "decision",
          sourceId: view.id,
          idempotencyKey: `contribution:${view.id}:${request.body.period}`,
          period: request.body.period,
          memo: "Your contribution",
          recordedBy: actor.userId,
        });
        if (!r.recorded)
          throw conflict(`The contribution for ${request.body.period} is already recorded.`);
        await access.record(tx, {
          resourceId: r.id ?? undefined,
          personId: view.personId,
          detail: { pence: request.body.amount },
        });
        return r;
      });
      return reply.code(201).send({ transactionId: result.id });
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
      const result = await db.transaction(async (tx) => {
        // The fund is locked first, so two reclaims at once cannot both take the same money.
        await tx.select().from(ledgerAccounts).where(eq(ledgerAccounts.key, fund)).for("update");
        const problem = reclaimProblem(
          {
            kind: view.kind,
            balancePence: await balanceOf(tx, fund),
            annualPence: view.terms.annualPence,
          },
          request.body.amount,
        );
        if (problem?.path) throw invalid([{ path: problem.path, message: problem.message }]);
        if (problem) throw conflict(problem.message);
        const r = await recordTransaction(tx, {
          transaction: reclaim(fund, request.body.amount),
          sourceType: "decision",
          sourceId: view.id,
          idempotencyKey: `reclaim:${fund}:${request.body.period}`,
          period: request.body.period,
          memo: `Reclaimed under ${RECLAIM_CLAUSE}: ${request.body.reason}`,
          recordedBy: actor.userId,
        });
        if (!r.recorded)
          throw conflict(
            `Money has already been reclaimed from this fund for ${request.body.period}.`,
          );
        await access.record(tx, {
          resourceId: r.id ?? undefined,
          personId: view.personId,
          detail: { reclaimedPence: request.body.amount },
        });
        return r;
      });
      return reply.code(201).send({ transactionId: result.id });
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
}
