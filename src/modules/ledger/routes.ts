import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { pounds, requiredText } from "../../platform/http/fields";
import {
  cannotContribute,
  cannotReverse,
  contributionContract,
  findTransaction,
  reclaimFromFund,
  recordContribution,
  reverseTransaction,
} from "./decision-store";
import { allocateMonth } from "./funds";
import { spendMonitoring } from "./monitoring-store";
import { Allocated, SpendMonitoring, TransactionRecorded } from "./replies";
import { findContractView } from "./return-store";
import { Period } from "./returns";

const tags = ["Money"];
const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });

export function ledgerRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/ledger/allocations",
    schema: {
      tags,
      summary: "Pay the month's budget into every fund in force (idempotent)",
      body: z.object({ period: Period }),
      response: { 201: Allocated },
    },
    access: { action: "create", resource: "ledger" },
    status: 201,
    run: async ({ db, body, actor, audit }): Promise<Allocated> => {
      const r = await allocateMonth(db, body.period, actor.userId);
      audit({ detail: r });
      return r;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/contributions",
    schema: {
      tags,
      summary: "Record the person's assessed contribution for a month into their fund (finance)",
      params: ContractParams,
      body: z.object({ period: Period, amount: pounds("Give the amount in pounds, like 25.00") }),
      response: { 201: TransactionRecorded },
    },
    access: { action: "create", resource: "ledger" },
    find: ({ db, params }) => contributionContract(db, params.contractId),
    guard: ({ found }) => cannotContribute(found.contract),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<TransactionRecorded> => {
      const { contract } = found;
      if (!contract) throw new Error("The guard lets only a contract in force through");
      const r = await recordContribution(db, contract, body.period, body.amount, actor.userId);
      audit({ resourceId: r.id, detail: { pence: body.amount } });
      return { transactionId: r.id };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/reclaim",
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
      response: { 201: TransactionRecorded },
    },
    access: { action: "create", resource: "ledger" },
    find: ({ db, params }) => findContractView(db, params.contractId),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<TransactionRecorded> => {
      const r = await reclaimFromFund(db, found, body, actor.userId);
      audit({ resourceId: r.id, detail: { reclaimedPence: body.amount } });
      return { transactionId: r.id };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/ledger/transactions/:transactionId/reversal",
    schema: {
      tags,
      summary: "Correct a transaction by reversing it (never an edit); once only",
      params: z.object({ transactionId: z.uuid("That is not a transaction's id") }),
      body: z.object({ reason: requiredText("Say why it is reversed", 2000) }),
      response: { 201: TransactionRecorded },
    },
    access: { action: "create", resource: "ledger" },
    // A transaction moves money between accounts: it names no one person (nor did its audit).
    find: async ({ db, params }) => ({
      ...(await findTransaction(db, params.transactionId)),
      personId: null,
    }),
    guard: ({ found }) => cannotReverse(found),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<TransactionRecorded> => {
      const r = await reverseTransaction(db, found, body.reason, actor.userId);
      audit({ resourceId: r.id, detail: { reverses: found.id } });
      return { transactionId: r.id };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/money/monitoring",
    schema: {
      tags,
      summary:
        "Option 1 and 2 spend against budget by area, provider and care group, with flags to talk about",
      querystring: z.object({ asOf: Period }),
      response: { 200: SpendMonitoring },
    },
    access: { action: "read", resource: "ledger" },
    run: async ({ db, query, audit }): Promise<SpendMonitoring> => {
      const result = await spendMonitoring(db, query.asOf);
      audit({ detail: { asOf: query.asOf, funds: result.funds.length } });
      return result;
    },
  });
}
