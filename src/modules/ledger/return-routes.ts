import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { pounds, requiredText } from "../../platform/http/fields";
import { HeldLines, LineDecided, MessageSent, ReturnSubmitted, Returns } from "./replies";
import {
  cannotReturn,
  cannotReturnDirectPayment,
  decideLine,
  decisionOn,
  findContractView,
  findLineToDecide,
  findReturnContract,
  findReturnLine,
  heldLines,
  returnsOf,
  sendLineMessage,
  submitReturn,
} from "./return-store";
import { cannotDecideLine, linesFromUpload, Period, ReturnLine } from "./returns";
import { LINE_DECISIONS } from "./schema";

const tags = ["Money"];
const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });

export function returnRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/returns",
    schema: {
      tags,
      summary: "A provider's return for a month: hours delivered against planned, and purchases",
      params: ContractParams,
      body: z.object({
        period: Period,
        lines: z.array(ReturnLine).min(1, "Add at least one line").max(200),
      }),
      response: { 201: ReturnSubmitted },
    },
    access: { action: "create", resource: "provider-return" },
    find: ({ db, params }) => findReturnContract(db, params.contractId),
    guard: ({ found }) => cannotReturn(found),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<ReturnSubmitted> => {
      const result = await submitReturn(db, found, body.period, body.lines, actor.userId);
      audit({
        resourceId: result.returnId,
        detail: { period: body.period, lines: body.lines.length, held: result.held },
      });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/returns.csv",
    schema: {
      tags,
      summary: "The same return as a CSV upload; every bad row is reported and nothing is kept",
      params: ContractParams,
      querystring: z.object({ period: Period }),
      consumes: ["text/csv"],
      response: { 201: ReturnSubmitted },
    },
    access: { action: "create", resource: "provider-return" },
    // The upload is read first, as its schema would be: a bad file is reported before anything
    // about the contract (every bad row at once, and nothing kept).
    find: async ({ db, params, body }) => {
      const upload = linesFromUpload(body);
      return { ...(await findReturnContract(db, params.contractId)), upload };
    },
    guard: ({ found }) => cannotReturn(found),
    status: 201,
    run: async ({ db, found, query, actor, audit }): Promise<ReturnSubmitted> => {
      const { lines, fileLines } = found.upload;
      // A refused row is named by its line in the file, as a bad row is.
      const result = await submitReturn(
        db,
        found,
        query.period,
        lines,
        actor.userId,
        (i) => `line.${fileLines[i]}`,
      );
      audit({
        resourceId: result.returnId,
        detail: { period: query.period, lines: lines.length, held: result.held },
      });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/direct-payment-returns",
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
      response: { 201: ReturnSubmitted },
    },
    access: { action: "create", resource: "direct-payment-return" },
    // The person's own record: no provider is party to a direct payment.
    find: ({ db, params }) => findContractView(db, params.contractId),
    guard: ({ found }) => cannotReturnDirectPayment(found),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<ReturnSubmitted> => {
      const lines: ReturnLine[] = body.lines.map((l) => ({ kind: "purchase", ...l }));
      const result = await submitReturn(
        db,
        { ...found, providerId: null },
        body.period,
        lines,
        actor.userId,
      );
      audit({ resourceId: result.returnId, detail: { period: body.period, held: result.held } });
      return result;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/contracts/:contractId/returns",
    schema: {
      tags,
      summary: "The provider's returns on a contract, with any queries on lines",
      params: ContractParams,
      response: { 200: Returns },
    },
    access: { action: "read", resource: "provider-return" },
    find: ({ db, params }) => findReturnContract(db, params.contractId),
    run: async ({ db, found, audit }): Promise<Returns> => {
      const returns = await returnsOf(db, found.id);
      audit({ detail: { returns: returns.length } });
      return { returns };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/return-lines/held",
    schema: {
      tags,
      summary: "Lines of returns held to be asked about, not yet agreed or rejected (finance)",
      response: { 200: HeldLines },
    },
    access: { action: "list", resource: "held-return-line" },
    run: async ({ db, shown }): Promise<HeldLines> => {
      const lines = await heldLines(db);
      shown(lines.map((l) => ({ resourceId: l.id, personId: l.personId })));
      return { lines };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/return-lines/:lineId/decision",
    schema: {
      tags,
      summary:
        "Finance agrees a held line (its money is recorded, so the next run pays it) or rejects it",
      params: z.object({ lineId: z.uuid("That is not a return line's id") }),
      body: z.object({
        decision: z.enum(LINE_DECISIONS, "Choose agree or reject"),
        note: z.string().trim().max(2000).default(""),
      }),
      response: { 200: LineDecided },
    },
    access: { action: "decide", resource: "held-return-line" },
    find: ({ db, params }) => findLineToDecide(db, params.lineId),
    lock: true,
    guard: async ({ db, found }) => cannotDecideLine(found.line, await decisionOn(db, found.id)),
    run: async ({ db, found, body, actor, audit }): Promise<LineDecided> => {
      const result = await decideLine(db, found, body.decision, body.note, actor.userId);
      audit({ detail: { decision: body.decision, pence: found.line.pence } });
      return result;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/return-lines/:lineId/messages",
    schema: {
      tags,
      summary: "Query a line of a return, or answer a query: the conversation is kept",
      params: z.object({ lineId: z.uuid("That is not a return line's id") }),
      body: z.object({ message: requiredText("Write the message", 2000) }),
      response: { 201: MessageSent },
    },
    // Anyone who may read the returns on the contract may query a line or answer a query.
    access: { action: "read", resource: "provider-return" },
    find: ({ db, params }) => findReturnLine(db, params.lineId),
    status: 201,
    run: async ({ db, found, body, actor, audit }): Promise<MessageSent> => {
      const messageId = await sendLineMessage(db, found.id, body.message, actor.userId);
      audit({ detail: { message: true } });
      return { messageId };
    },
  });
}
