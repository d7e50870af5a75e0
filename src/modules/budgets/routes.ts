import { z } from "zod";
import { letterRoute } from "../../platform/documents/letter-route";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { requiredText } from "../../platform/http/fields";
import { conflict, type FieldError, invalid } from "../../platform/http/problem";
import { parsePounds } from "../../platform/money/pounds";
import { PersonParams } from "../people/params";
import { addBudgetEntry, cannotSetBudgetNow } from "./entry-store";
import { budgetLetterOf } from "./letter-store";
import { parseBudgetAmount } from "./money";
import { indicativeBudget } from "./ras";
import { rasInForce } from "./ras-store";
import { IndicativeBudgetReply, NewBudgetReply } from "./replies";
import { streamProblems } from "./rules";
import { FUNDING_STREAMS } from "./streams";

const Stream = z.object({
  stream: z.enum(FUNDING_STREAMS, "Choose a funding stream"),
  annualAmount: z.string().max(30),
  reporting: z.string().trim().max(1000).default(""),
});
const NewBudget = z.object({
  streams: z.array(Stream).max(FUNDING_STREAMS.length).default([]),
  annualAmount: z.string().max(30).describe('Pounds a year, as typed: "10400" or "10,400.00"'),
  reason: requiredText("Give the reason for this amount"),
});
const RasAnswers = z.object({
  careGroup: z.string().max(60),
  answers: z.record(z.string(), z.string().max(60)),
  adjustments: z.array(z.string().max(60)).max(20).default([]),
});

export function budgetRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/budgets",
    schema: {
      tags: ["Budgets"],
      summary: "Set the person's annual budget (a new entry in its append-only history)",
      params: PersonParams,
      body: NewBudget,
      response: { 201: NewBudgetReply },
    },
    access: { action: "create", resource: "budget" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    // The amounts are checked (400) before the journey's state (409), as they always were.
    guard: ({ db, params, body }) => {
      typedBudget(body);
      return cannotSetBudgetNow(db, params.personId);
    },
    run: async ({ db, params, body, actor, audit }) => {
      const { annualAmountPence, streams } = typedBudget(body);
      const entry = { personId: params.personId, annualAmountPence, reason: body.reason, streams };
      const { id, approvalNeeded } = await addBudgetEntry(db, entry, actor.userId);
      audit({ resourceId: id, detail: { annualAmountPence, approvalNeeded } });
      return { id, annualAmountPence, approvalNeeded };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/indicative-budget",
    schema: {
      tags: ["Budgets"],
      summary:
        "Compute the indicative budget with the RAS in force, and record it with its reasons",
      params: PersonParams,
      body: RasAnswers,
      response: { 201: IndicativeBudgetReply },
    },
    access: { action: "create", resource: "budget" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    // No RAS (409), then the answers (400), then the journey's state (409), as always.
    guard: async ({ db, params, body }) => {
      const ras = await rasInForce(db);
      if (!ras) return "The council has not published a Resource Allocation System yet.";
      scored(ras.definition, body);
      return cannotSetBudgetNow(db, params.personId);
    },
    run: async ({ db, params, body, actor, audit }) => {
      const ras = await rasInForce(db);
      if (!ras) throw conflict("The council has not published a Resource Allocation System yet.");
      const budget = scored(ras.definition, body);
      const entry = {
        personId: params.personId,
        annualAmountPence: budget.totalPence,
        reason: `Indicative budget from the Resource Allocation System, version ${ras.version}`,
        rasVersionId: ras.id,
        lines: budget.lines,
        rasInput: body,
      };
      const { id, approvalNeeded } = await addBudgetEntry(db, entry, actor.userId);
      audit({
        resourceId: id,
        detail: { annualAmountPence: budget.totalPence, rasVersionId: ras.id, approvalNeeded },
      });
      return { id, rasVersion: ras.version, approvalNeeded, ...budget };
    },
  });

  letterRoute(app, deps, {
    url: "/api/people/:personId/budget.pdf",
    tag: "Budgets",
    summary: "The budget and how it was worked out, as a letter to the person (PDF)",
    missing: "A budget for this person",
    build: (personId) => budgetLetterOf(db, personId),
  });
}

/** The RAS's amount for these answers, or a 400 problem naming the answers it cannot score. */
function scored(
  definition: Parameters<typeof indicativeBudget>[0],
  answers: z.infer<typeof RasAnswers>,
) {
  const budget = indicativeBudget(definition, answers);
  if ("errors" in budget) throw invalid(budget.errors);
  return budget;
}

/** The typed amounts in exact pence, or a 400 problem naming each that is wrong. */
function typedBudget(body: z.infer<typeof NewBudget>) {
  const amount = parseBudgetAmount(body.annualAmount, "annualAmount");
  if ("path" in amount) throw invalid([amount]);
  return { annualAmountPence: amount.pence, streams: parseStreams(body.streams, amount.pence) };
}

/** Exact pence for each stream's typed amount; the streams must make up the whole. */
function parseStreams(streams: z.infer<typeof Stream>[], totalPence: number) {
  const errors: FieldError[] = [];
  const parsed = streams.map((s, i) => {
    const amount = parsePounds(s.annualAmount);
    if ("error" in amount)
      errors.push({ path: `streams.${i}.annualAmount`, message: amount.error });
    return {
      stream: s.stream,
      reporting: s.reporting,
      annualAmountPence: "pence" in amount ? amount.pence : 0,
    };
  });
  if (errors.length === 0) errors.push(...streamProblems(totalPence, parsed));
  if (errors.length > 0) throw invalid(errors);
  return parsed;
}
