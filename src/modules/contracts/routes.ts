import { z } from "zod";
import { renderPdf } from "../../platform/documents/pdf";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import { type FieldError, invalid, notFound } from "../../platform/http/problem";
import { MAX_RATE_PENCE, parsePounds, RATE_MESSAGE } from "../../platform/money/pounds";
import {
  answerQuestion,
  askQuestion,
  findContract,
  findQuestion,
  type NewRateRequest,
  openRateRequests,
  personContracts,
  raiseRateRequest,
  signContract,
  signingAuthorityOf,
} from "./contract-store";
import { printable } from "./document";
import { decideRateRequest } from "./rate-decision";
import {
  ContractsMade,
  OpenRateRequests,
  PersonContracts,
  QuestionAnswered,
  QuestionAsked,
  RateDecision,
  RateRequestRaised,
  Signed,
} from "./replies";
import { mayActFor, partyOf } from "./signing";
import { mayReadContract } from "./standing";
import { contractView, generateContracts } from "./store";
import { PARTIES } from "./terms";

const PersonParams = z.object({ personId: z.uuid("That is not a person's id") });
const ContractParams = z.object({ contractId: z.uuid("That is not a contract's id") });
const tags = ["Contracts"];

const RateRequestBody = z.object({
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
});

/** The rate asked for and its parts in pence, or the field errors: the parts add up to the rate. */
function rateRequestOf(body: z.output<typeof RateRequestBody>): NewRateRequest {
  const errors: FieldError[] = [];
  const pence = (text: string, path: string) => {
    const parsed = parsePounds(text, MAX_RATE_PENCE);
    if ("error" in parsed) errors.push({ path, message: RATE_MESSAGE });
    return "pence" in parsed ? parsed.pence : 0;
  };
  const proposed = pence(body.proposedRate, "proposedRate");
  const buildUp = body.buildUp.map((b, i) => ({
    component: b.component,
    pence: pence(b.amount, `buildUp.${i}.amount`),
  }));
  if (!errors.length && buildUp.reduce((s, b) => s + b.pence, 0) !== proposed)
    errors.push({ path: "buildUp", message: "The parts must add up to the rate proposed" });
  if (errors.length) throw invalid(errors);
  return { proposedRatePence: proposed, buildUp, reason: body.reason };
}

export function contractRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/contracts",
    schema: {
      tags,
      summary: "Make or update the agreements the approved plan needs",
      params: PersonParams,
      response: { 201: ContractsMade },
    },
    access: { action: "create", resource: "contract" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    run: async ({ db, params, actor, audit }) => {
      const made = await generateContracts(db, params.personId, actor.userId);
      audit({ detail: { contracts: made.length } });
      return { contracts: made };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/contracts",
    schema: {
      tags,
      summary: "The person's agreements, newest version of each",
      params: PersonParams,
      response: { 200: PersonContracts },
    },
    access: { action: "read", resource: "contract" },
    find: ({ params }) => ({ personId: params.personId }),
    run: async ({ db, params, actor, relationship, may, audit }) => {
      // A provider supporting the person reads only the agreements naming it: the policy decides
      // for each one, on how the actor stands in it.
      const shown = (await personContracts(db, params.personId)).filter((c) =>
        mayReadContract(actor, c, relationship),
      );
      // Every agreement shown is one the actor stands in as they stand to the person (a provider
      // sees only its own), so what they may do on it is what `may` says for the person's.
      const onEach = {
        sign: may("sign"),
        ask: may("create", "contract-question"),
        respond: may("respond"),
        recordPaperSignature: may("create", "contract-paper-signature"),
        requestRate: may("create", "rate-request"),
        makeReturn: may("create", "provider-return"),
      };
      audit({ detail: { contracts: shown.length } });
      return {
        contracts: shown.map((c) => ({ ...c, signsFor: partyOf(relationship), may: onEach })),
        may: { make: may("create") },
      };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/contracts/:contractId/document.pdf",
    schema: {
      tags,
      summary: "The newest version as a PDF, in full or easy read (large type)",
      params: ContractParams,
      querystring: z.object({
        format: z.enum(["full", "easy-read"], "Format is full or easy-read").default("full"),
      }),
      produces: ["application/pdf"],
    },
    access: { action: "read", resource: "contract" },
    find: ({ db, params }) => findContract(db, params.contractId),
    run: async ({ db, found, query, reply, audit }) => {
      const view = await contractView(db, found.id);
      if (!view) throw notFound("That contract");
      const easy = query.format === "easy-read";
      const pdf = await renderPdf(
        printable(view.document, view.documentHash, view.signatures, easy),
        easy ? "large" : "standard",
      );
      audit({ resourceId: view.versionId, detail: { document: query.format } });
      reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="contract-v${view.version}.pdf"`);
      return pdf;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/signatures",
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
      response: { 201: Signed },
    },
    access: { action: "sign", resource: "contract" },
    find: ({ db, params }) => findContract(db, params.contractId),
    status: 201,
    run: async ({ db, found, body, actor, relationship, audit }) => {
      const authority = await signingAuthorityOf(db, actor, found.personId);
      const authorised = mayActFor({
        party: body.party,
        actor,
        contract: found,
        relationship,
        authority,
      });
      const { signed, after } = await signContract(db, found, { ...body, authorised }, actor);
      audit({
        resourceId: signed.versionId,
        detail: { party: body.party, version: body.version },
      });
      return { status: after.status, waitingFor: after.waitingFor };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/questions",
    schema: {
      tags,
      summary: "Ask a question about the contract before signing",
      params: ContractParams,
      body: z.object({ question: requiredText("Write your question", 2000) }),
      response: { 201: QuestionAsked },
    },
    access: { action: "create", resource: "contract-question" },
    find: ({ db, params }) => findContract(db, params.contractId),
    status: 201,
    run: async ({ db, found, body, actor, audit }) => {
      const row = await askQuestion(db, found.id, body.question, actor.userId);
      audit({ resourceId: row.id, detail: { question: true } });
      return { questionId: row.id };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contract-questions/:questionId/answer",
    schema: {
      tags,
      summary: "Answer a question about a contract (the council)",
      params: z.object({ questionId: z.uuid("That is not a question's id") }),
      body: z.object({ answer: requiredText("Write the answer", 4000) }),
      response: { 200: QuestionAnswered },
    },
    access: { action: "respond", resource: "contract" },
    find: ({ db, params }) => findQuestion(db, params.questionId),
    guard: ({ found }) =>
      found.question.answer ? "This question has already been answered." : null,
    run: async ({ db, found, body, actor, audit }) => {
      await answerQuestion(db, found.question.id, body.answer, actor.userId);
      audit({ resourceId: found.question.id, detail: { answered: true } });
      return { answered: true as const };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/rate-requests",
    schema: {
      tags,
      summary: "A provider asks to renegotiate the rate, showing how it is built up",
      params: ContractParams,
      body: RateRequestBody,
      response: { 201: RateRequestRaised },
    },
    access: { action: "create", resource: "rate-request" },
    find: ({ db, params }) => findContract(db, params.contractId),
    status: 201,
    run: async ({ db, found, body, actor, audit }) => {
      const request = rateRequestOf(body);
      const row = await raiseRateRequest(db, found.id, request, actor.userId);
      audit({ resourceId: row.id, detail: { proposedRatePence: request.proposedRatePence } });
      return { rateRequestId: row.id };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/rate-requests/:requestId/decision",
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
      response: { 200: RateDecision },
    },
    // The council's commissioners and finance decide for any contract: no relationship needed.
    access: { action: "decide", resource: "rate-request" },
    run: async ({ db, params, body, actor, audit }) => {
      const result = await decideRateRequest(
        db,
        params.requestId,
        body.decision,
        body.note,
        actor.userId,
      );
      audit({
        resourceId: params.requestId,
        personId: result.contract.personId,
        detail: { decision: body.decision },
      });
      return { decision: body.decision, planVersion: result.planVersion };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/rate-requests",
    schema: {
      tags,
      summary: "Providers' open requests to renegotiate a rate, with the build-up",
      response: { 200: OpenRateRequests },
    },
    // Those who decide them see them all, audited as one access (not one entry per person).
    access: { action: "decide", resource: "rate-request" },
    run: async ({ db, audit }) => {
      const open = await openRateRequests(db);
      audit({ detail: { open: open.length } });
      return { requests: open };
    },
  });
}
