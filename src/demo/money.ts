import { and, eq, inArray } from "drizzle-orm";
import { latestAssessment } from "../modules/assessment/store";
import { currentBudget } from "../modules/budgets/store";
import { recordPaperSignature } from "../modules/contracts/paper-signatures";
import { recordSignature } from "../modules/contracts/signature-store";
import { contractIdsOf, contractView, generateContracts } from "../modules/contracts/store";
import { users } from "../modules/identity/schema";
import { allocateMonth } from "../modules/ledger/funds";
import { submitReturn } from "../modules/ledger/return-store";
import { people } from "../modules/people/schema";
import { personName } from "../modules/people/store";
import { appendVersion } from "../modules/plans/plan-store";
import { type PlanLine, planDecisions, providerRequests } from "../modules/plans/schema";
import { providers } from "../modules/providers/schema";
import type { Db } from "../platform/db/client";

// For people whose support is active: an approved plan, the three-way contract (signed by
// everyone who has a sign-in), and three months of money, so every view has something real.

const MONTHS = ["2026-09", "2026-10", "2026-11"];

export async function seedPlansAndMoney(tx: Db) {
  const active = await tx
    .select({
      personId: providerRequests.personId,
      providerId: providerRequests.providerId,
      workerId: providerRequests.chosenBy,
      hours: providerRequests.committedHoursPerWeek,
    })
    .from(providerRequests)
    .where(eq(providerRequests.status, "active"));
  for (const [k, a] of active.entries()) {
    const outcome = (await latestAssessment(tx, a.personId))?.outcomes[0];
    const budget = await currentBudget(tx, a.personId);
    if (!outcome || !budget || !a.providerId) continue;
    const rate = 2460 + (k % 5) * 45;
    // As many quarter hours as the budget pays for, up to the hours the provider committed.
    const affordable = Math.floor((budget.annualAmountPence * 60) / (rate * 52) / 15) * 15;
    const minutes = Math.min((a.hours ?? 6) * 60, affordable);
    const line: PlanLine = {
      id: crypto.randomUUID(),
      outcomeId: outcome.id,
      kind: "provider-service",
      description: "Support at home and getting out",
      option: "2",
      cost: { type: "hourly", minutesPerWeek: minutes, hourlyRatePence: rate },
      providerId: a.providerId,
      serviceId: null,
      poolId: null,
      howItMeetsOutcome: "",
      familyMemberReason: null,
    };
    const version = await appendVersion(tx, {
      personId: a.personId,
      budgetEntryId: budget.id,
      lines: [line],
      choice: {
        participants: [
          { role: "person", name: "The person" },
          { role: "social-worker", name: "Their social worker" },
        ],
        informationGiven: (["1", "2", "3"] as const).map((option) => ({
          option,
          how: "Talked through at home",
        })),
        decidedBy: "person",
        reasons: "I want a provider to hold the money and arrange it the way I like.",
      },
      changeSummary: "Plan agreed at home",
      createdBy: a.workerId,
    });
    await tx.insert(planDecisions).values({
      planVersionId: version.id,
      decision: "approved",
      note: "",
      decidedBy: a.workerId,
    });
    await tx
      .update(providerRequests)
      .set({ planLineId: line.id })
      .where(and(eq(providerRequests.personId, a.personId), eq(providerRequests.status, "active")));
    await generateContracts(tx, a.personId, a.workerId);
    await signAll(tx, a.personId, a.providerId, a.workerId);
  }
  const admin = active[0]?.workerId;
  if (!admin) return;
  for (const period of MONTHS) await allocateMonth(tx, period, admin);
  for (const { personId, providerId } of active) {
    for (const id of await contractIdsOf(tx, personId)) {
      const view = await contractView(tx, id);
      if (view?.status !== "active") continue;
      for (const [m, period] of MONTHS.slice(0, 2).entries()) {
        const planned = view.terms.minutesPerWeek * 4;
        await submitReturn(
          tx,
          { id, personId, providerId, terms: view.terms },
          period,
          [
            {
              kind: "support",
              description: "Support at home and getting out",
              plannedMinutes: planned,
              deliveredMinutes: planned - m * 60,
              plannedVisits: 8,
              deliveredVisits: 8 - m,
            },
            ...(m === 1
              ? [{ kind: "purchase" as const, description: "Bus pass top-up", amount: 2_000 }]
              : []),
          ],
          admin,
        );
      }
    }
  }
}

/**
 * Each party with a sign-in signs online: the worker for the council, provider staff, the person.
 * A party without one signed the printed copy on the day it was made, and the worker records it.
 */
async function signAll(tx: Db, personId: string, providerId: string, workerId: string) {
  const [staff] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.providerId, providerId));
  const [person] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(eq(people.id, personId));
  const [worker] = await tx
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, [workerId]));
  const onPaper = {
    person: await personName(tx, personId).then((n) => `${n.givenName} ${n.familyName}`),
    provider: await tx
      .select({ name: providers.name })
      .from(providers)
      .where(eq(providers.id, providerId))
      .then(([p]) => `The manager of ${p?.name ?? "the provider"}`),
  };
  for (const id of await contractIdsOf(tx, personId)) {
    const view = await contractView(tx, id);
    if (!view) continue;
    const signers = [
      ["council", worker],
      ["provider", staff],
      ["person", person],
    ] as const;
    for (const [party, user] of signers) {
      if (!view.waitingFor.includes(party)) continue;
      if (user) {
        await recordSignature(tx, id, {
          contractVersionId: view.versionId,
          party,
          signedBy: user.id,
          signerName: user.name,
          documentHash: view.documentHash,
        });
      } else if (party !== "council") {
        // The contract was made in this transaction, so today is the day it was made.
        await recordPaperSignature(tx, { id, kind: view.kind }, workerId, {
          party,
          version: view.version,
          fingerprint: view.documentHash.slice(0, 8),
          signerName: onPaper[party],
          signedOn: new Date().toISOString().slice(0, 10),
        });
      }
    }
  }
}
