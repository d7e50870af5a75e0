import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Action, Resource } from "../../platform/authorisation/policy";
import { standingIn } from "../../platform/authorisation/standing";
import type { Db } from "../../platform/db/client";
import { renderPdf } from "../../platform/documents/pdf";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound } from "../../platform/http/problem";
import { MAX_RATE_PENCE, parsePounds, RATE_MESSAGE } from "../../platform/money/pounds";
import { PersonParams } from "../assessment/routes";
import { requireAccess } from "../people/access";
import { personRelationships } from "../people/relationship";
import { representatives } from "../people/schema";
import { lockPerson } from "../people/store";
import { providers } from "../providers/schema";
import { printable } from "./document";
import { decideRateRequest } from "./rate-decision";
import { contractQuestions, contracts, rateRequests } from "./schema";
import { recordSignature } from "./signature-store";
import { cannotSign } from "./signing";
import { mayReadContract } from "./standing";
import { contractIdsOf, contractView, generateContracts, SIGNING_AUTHORITIES } from "./store";
import { PARTIES, type Party } from "./terms";

const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });
const tags = ["Contracts"];

/** The actor's relationship to a contract: a provider stands in it only for its own contracts. */
export async function standing(
  db: Db,
  actor: Actor,
  contract: { personId: string; providerId: string | null },
) {
  const toPerson =
    actor.role === "provider-staff"
      ? "none"
      : await personRelationships.to(db, actor, contract.personId);
  return standingIn(actor, contract, toPerson);
}

/** Whether the actor holds the authority to sign for a party (not just to read the contract). */
async function mayActFor(
  db: Db,
  actor: Actor,
  party: Party,
  contract: { personId: string; providerId: string | null },
) {
  if (party === "provider")
    return actor.role === "provider-staff" && actor.providerId === contract.providerId;
  if (party === "council")
    return ["allocated-worker", "team-manager"].includes(
      await personRelationships.to(db, actor, contract.personId),
    );
  if (actor.role === "supported-person") return actor.personId === contract.personId;
  if (actor.role !== "representative") return false;
  const [held] = await db
    .select({ authority: representatives.authority })
    .from(representatives)
    .where(
      and(
        eq(representatives.personId, contract.personId),
        eq(representatives.userId, actor.userId),
      ),
    );
  return Boolean(held && (SIGNING_AUTHORITIES as readonly string[]).includes(held.authority));
}

export function contractRoutes(app: App, { db }: RouteDeps) {
  async function load(
    actor: Actor,
    contractId: string,
    action: Action,
    resource: Resource = "contract",
  ) {
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    if (!contract) throw notFound("That contract");
    const access = await requireAccess(db, actor, {
      action,
      resource,
      personId: contract.personId,
      relationship: await standing(db, actor, contract),
    });
    return { contract, access };
  }

  app.post(
    "/api/people/:personId/contracts",
    {
      schema: {
        tags,
        summary: "Make or update the agreements the approved plan needs",
        params: PersonParams,
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "contract",
        personId,
      });
      const results = await db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const made = await generateContracts(tx, personId, actor.userId);
        await access.record(tx, { detail: { contracts: made.length } });
        return made;
      });
      return reply.code(201).send({ contracts: results });
    },
  );

  app.get(
    "/api/people/:personId/contracts",
    {
      schema: {
        tags,
        summary: "The person's agreements, newest version of each",
        params: PersonParams,
      },
    },
    async (request) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "read",
        resource: "contract",
        personId,
      });
      const all = [];
      for (const id of await contractIdsOf(db, personId)) {
        const view = await contractView(db, id);
        if (view && mayReadContract(actor, view, access.relationship)) all.push(view);
      }
      await access.record(db, { detail: { contracts: all.length } });
      return { contracts: all };
    },
  );

  app.get(
    "/api/contracts/:contractId/document.pdf",
    {
      schema: {
        tags,
        summary: "The newest version as a PDF, in full or easy read (large type)",
        params: ContractParams,
        querystring: z.object({
          format: z.enum(["full", "easy-read"], "Format is full or easy-read").default("full"),
        }),
        produces: ["application/pdf"],
      },
    },
    async (request, reply) => {
      const { access } = await load(requireActor(request), request.params.contractId, "read");
      const view = await contractView(db, request.params.contractId);
      if (!view) throw notFound("That contract");
      const easy = request.query.format === "easy-read";
      const pdf = await renderPdf(
        printable(view.document, view.documentHash, view.signatures, easy),
        easy ? "large" : "standard",
      );
      await access.record(db, {
        resourceId: view.versionId,
        detail: { document: request.query.format },
      });
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="contract-v${view.version}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    "/api/contracts/:contractId/signatures",
    {
      schema: {
        tags,
        summary: "Accept the newest version for a party: who, when, and the hash of what was read",
        params: ContractParams,
        body: z.object({
          party: z.enum(PARTIES, "Say which party you sign for"),
          version: z.number().int(),
          documentHash: z
            .string()
            .regex(/^[0-9a-f]{64}$/, "The document's fingerprint is 64 hex characters"),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { contract, access } = await load(actor, request.params.contractId, "sign");
      const { party, version, documentHash } = request.body;
      const authorised = await mayActFor(db, actor, party, contract);
      const result = await db.transaction(async (tx) => {
        await tx
          .select({ id: contracts.id })
          .from(contracts)
          .where(eq(contracts.id, contract.id))
          .for("update");
        const view = await contractView(tx, contract.id);
        if (!view) throw notFound("That contract");
        const blocked = cannotSign(
          {
            kind: contract.kind,
            version: view.version,
            documentHash: view.documentHash,
            signedBy: view.signatures.map((s) => s.party),
          },
          { party, version, documentHash, authorised },
        );
        if (blocked) throw conflict(blocked);
        await recordSignature(tx, contract.id, {
          contractVersionId: view.versionId,
          party,
          signedBy: actor.userId,
          signerName: actor.displayName,
          documentHash,
        });
        await access.record(tx, { resourceId: view.versionId, detail: { party, version } });
        return contractView(tx, contract.id);
      });
      return reply.code(201).send({ status: result?.status, waitingFor: result?.waitingFor });
    },
  );

  app.post(
    "/api/contracts/:contractId/questions",
    {
      schema: {
        tags,
        summary: "Ask a question about the contract before signing",
        params: ContractParams,
        body: z.object({ question: requiredText("Write your question", 2000) }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { contractId } = request.params;
      const { contract, access } = await load(actor, contractId, "create", "contract-question");
      const [row] = await db
        .insert(contractQuestions)
        .values({ contractId: contract.id, question: request.body.question, askedBy: actor.userId })
        .returning({ id: contractQuestions.id });
      await access.record(db, { resourceId: row?.id, detail: { question: true } });
      return reply.code(201).send({ questionId: row?.id });
    },
  );

  app.post(
    "/api/contract-questions/:questionId/answer",
    {
      schema: {
        tags,
        summary: "Answer a question about a contract (the council)",
        params: z.object({ questionId: z.uuid("That is not a question's id") }),
        body: z.object({ answer: requiredText("Write the answer", 4000) }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [question] = await db
        .select()
        .from(contractQuestions)
        .where(eq(contractQuestions.id, request.params.questionId));
      if (!question) throw notFound("That question");
      const { access } = await load(actor, question.contractId, "respond");
      if (question.answer) throw conflict("This question has already been answered.");
      await db
        .update(contractQuestions)
        .set({
          answer: request.body.answer,
          answeredBy: actor.userId,
          answeredAt: new Date().toISOString(),
        })
        .where(eq(contractQuestions.id, question.id));
      await access.record(db, { resourceId: question.id, detail: { answered: true } });
      return { answered: true };
    },
  );

  app.post(
    "/api/contracts/:contractId/rate-requests",
    {
      schema: {
        tags,
        summary: "A provider asks to renegotiate the rate, showing how it is built up",
        params: ContractParams,
        body: z.object({
          proposedRate: z.string("Give the rate in pounds, like 26.40"),
          buildUp: z
            .array(
              z.object({
                component: requiredText("Name each part of the rate", 200),
                amount: z.string(),
              }),
            )
            .min(1, "Show how the rate is built up"),
          reason: requiredText("Say why the rate should change", 2000),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { contractId } = request.params;
      const { contract, access } = await load(actor, contractId, "create", "rate-request");
      const errors: { path: string; message: string }[] = [];
      const pence = (text: string, path: string) => {
        const parsed = parsePounds(text, MAX_RATE_PENCE);
        if ("error" in parsed) errors.push({ path, message: RATE_MESSAGE });
        return "pence" in parsed ? parsed.pence : 0;
      };
      const proposed = pence(request.body.proposedRate, "proposedRate");
      const buildUp = request.body.buildUp.map((b, i) => ({
        component: b.component,
        pence: pence(b.amount, `buildUp.${i}.amount`),
      }));
      if (!errors.length && buildUp.reduce((s, b) => s + b.pence, 0) !== proposed)
        errors.push({ path: "buildUp", message: "The parts must add up to the rate proposed" });
      if (errors.length) throw invalid(errors);
      const [row] = await db
        .insert(rateRequests)
        .values({
          contractId: contract.id,
          proposedRatePence: proposed,
          buildUp,
          reason: request.body.reason,
          raisedBy: actor.userId,
        })
        .returning({ id: rateRequests.id });
      await access.record(db, { resourceId: row?.id, detail: { proposedRatePence: proposed } });
      return reply.code(201).send({ rateRequestId: row?.id });
    },
  );

  app.post(
    "/api/rate-requests/:requestId/decision",
    {
      schema: {
        tags,
        summary: "Agree or decline a provider's rate request; agreed, the plan takes the new rate",
        params: z.object({ requestId: z.uuid("That is not a rate request's id") }),
        body: z
          .object({
            decision: z.enum(["agreed", "declined"], "Choose to agree or decline"),
            note: z.string().trim().max(2000).default(""),
          })
          .refine((d) => d.decision === "agreed" || d.note, {
            path: ["note"],
            message: "Say why it is declined",
          }),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "decide", resource: "rate-request" });
      return db.transaction(async (tx) => {
        const result = await decideRateRequest(
          tx,
          request.params.requestId,
          request.body.decision,
          request.body.note,
          actor.userId,
        );
        await access.record(tx, {
          resourceId: request.params.requestId,
          personId: result.contract.personId,
          detail: { decision: request.body.decision },
        });
        return { decision: request.body.decision, planVersion: result.planVersion };
      });
    },
  );

  app.get(
    "/api/rate-requests",
    {
      schema: {
        tags,
        summary: "Providers' open requests to renegotiate a rate, with the build-up",
      },
    },
    async (request) => {
      const access = await requireAccess(db, requireActor(request), {
        action: "decide",
        resource: "rate-request",
      });
      const open = await db
        .select({
          id: rateRequests.id,
          provider: providers.name,
          proposedRatePence: rateRequests.proposedRatePence,
          buildUp: rateRequests.buildUp,
          reason: rateRequests.reason,
          raisedAt: rateRequests.raisedAt,
        })
        .from(rateRequests)
        .innerJoin(contracts, eq(contracts.id, rateRequests.contractId))
        .innerJoin(providers, eq(providers.id, contracts.providerId))
        .where(eq(rateRequests.status, "open"))
        .orderBy(rateRequests.raisedAt);
      await access.record(db, { detail: { open: open.length } });
      return { requests: open };
    },
  );
}
