import { eq } from "drizzle-orm";
import { z } from "zod";
import { decodeWhole } from "../../platform/csv/decode";
import { csvObjects } from "../../platform/csv/read";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { pounds, requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { standing } from "../contracts/routes";
import { contracts } from "../contracts/schema";
import { contractView } from "../contracts/store";
import { requireAccess } from "../people/access";

import { returnsOf, submitReturn } from "./return-store";
import { linesFromCsv, Period, ReturnLine } from "./returns";
import { providerReturnLines, providerReturns, returnLineMessages } from "./schema";

const tags = ["Money"];
const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });

export function returnRoutes(app: App, { db }: RouteDeps) {
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
        rows = csvObjects(decodeWhole(request.body));
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
}
