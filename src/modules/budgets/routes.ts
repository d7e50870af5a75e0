import { z } from "zod";
import type { Access } from "../../platform/authorisation/guard";
import type { Db } from "../../platform/db/client";
import { letterRoute } from "../../platform/documents/letter-route";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requiredText } from "../../platform/http/fields";
import { conflict, type FieldError, invalid } from "../../platform/http/problem";
import { parsePounds } from "../../platform/money/pounds";
import { PersonParams } from "../assessment/routes";
import { latestDecision } from "../eligibility/store";
import { requireAccess } from "../people/access";
import { journeyFactsOf, lockPerson, personName } from "../people/store";
import { budgetLetter } from "./letter";
import { parseBudgetAmount } from "./money";
import { indicativeBudget } from "./ras";
import { rasInForce } from "./ras-store";
import { approvalNeeded, cannotSetBudget, streamProblems } from "./rules";
import { type budgetEntries, type budgetStreams, FUNDING_STREAMS } from "./schema";
import { appendBudgetEntry, currentAuthority, currentBudget, latestRasAmount } from "./store";

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

export function budgetRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  app.post(
    "/api/people/:personId/budgets",
    {
      schema: {
        tags: ["Budgets"],
        summary: "Set the person's annual budget (a new entry in its append-only history)",
        params: PersonParams,
        body: NewBudget,
        response: {
          201: z.object({
            id: z.uuid(),
            annualAmountPence: z.number().int(),
            approvalNeeded: z.string().nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "budget",
        personId,
      });
      const amount = parseBudgetAmount(request.body.annualAmount, "annualAmount");
      if ("path" in amount) throw invalid([amount]);
      const streams = parseStreams(request.body.streams, amount.pence);
      const { id, approvalNeeded: needed } = await addBudgetEntry(db, access, {
        personId,
        annualAmountPence: amount.pence,
        reason: request.body.reason,
        streams,
      });
      return reply.code(201).send({ id, annualAmountPence: amount.pence, approvalNeeded: needed });
    },
  );

  app.post(
    "/api/people/:personId/indicative-budget",
    {
      schema: {
        tags: ["Budgets"],
        summary:
          "Compute the indicative budget with the RAS in force, and record it with its reasons",
        params: PersonParams,
        body: RasAnswers,
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const access = await requireAccess(db, requireActor(request), {
        action: "create",
        resource: "budget",
        personId,
      });
      const ras = await rasInForce(db);
      if (!ras) throw conflict("The council has not published a Resource Allocation System yet.");
      const budget = indicativeBudget(ras.definition, request.body);
      if ("errors" in budget) throw invalid(budget.errors);
      const { id, approvalNeeded: needed } = await addBudgetEntry(db, access, {
        personId,
        annualAmountPence: budget.totalPence,
        reason: `Indicative budget from the Resource Allocation System, version ${ras.version}`,
        rasVersionId: ras.id,
        lines: budget.lines,
        rasInput: request.body,
      });
      return reply
        .code(201)
        .send({ id, rasVersion: ras.version, approvalNeeded: needed, ...budget });
    },
  );

  letterRoute(app, deps, {
    url: "/api/people/:personId/budget.pdf",
    tag: "Budgets",
    summary: "The budget and how it was worked out, as a letter to the person (PDF)",
    missing: "A budget for this person",
    build: async (personId) => {
      const budget = await currentBudget(db, personId);
      if (!budget) return null;
      return {
        resourceId: budget.id,
        document: budgetLetter({ ...budget, person: await personName(db, personId) }),
      };
    },
  });
}

const RasAnswers = z.object({
  careGroup: z.string().max(60),
  answers: z.record(z.string(), z.string().max(60)),
  adjustments: z.array(z.string().max(60)).max(20).default([]),
});

/** Appends a budget entry once the journey allows it: eligible, and no provider mid-decision. */
async function addBudgetEntry(
  db: Db,
  access: Access,
  {
    streams = [],
    ...entry
  }: Omit<
    typeof budgetEntries.$inferInsert,
    "eligibilityDecisionId" | "setBy" | "approvalNeeded"
  > & {
    streams?: Omit<typeof budgetStreams.$inferInsert, "budgetEntryId">[];
  },
): Promise<{ id: string; approvalNeeded: string | null }> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, entry.personId);
    const blocked = cannotSetBudget(await journeyFactsOf(tx, entry.personId));
    if (blocked) throw conflict(blocked);
    const decision = await latestDecision(tx, entry.personId);
    if (!decision) throw conflict("Set a budget only after the person is found eligible.");
    const rasPence = entry.rasVersionId
      ? entry.annualAmountPence
      : await latestRasAmount(tx, entry.personId);
    const needed = approvalNeeded(entry.annualAmountPence, rasPence, await currentAuthority(tx));
    const id = await appendBudgetEntry(
      tx,
      {
        ...entry,
        approvalNeeded: needed,
        eligibilityDecisionId: decision.id,
        setBy: access.actor.userId,
      },
      streams,
    );
    await access.record(tx, {
      resourceId: id,
      detail: {
        annualAmountPence: entry.annualAmountPence,
        rasVersionId: entry.rasVersionId,
        approvalNeeded: needed,
      },
    });
    return { id, approvalNeeded: needed };
  });
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
