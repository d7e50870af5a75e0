import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, notFound } from "../../platform/http/problem";
import { formatPence } from "../budgets/money";
import { personRelationships } from "../people/relationship";
import { appendVersion, versionsOf } from "../plans/plan-store";
import { contracts, rateRequests } from "./schema";

/**
 * The council's answer to a provider's request to renegotiate. Agreed, the provider's hourly
 * supports in the plan take the new rate as a new plan version: approved as usual, it makes a
 * new contract version for everyone to sign. The price changes without a new tender.
 */
export async function decideRateRequest(
  tx: Db,
  requestId: string,
  decision: "agreed" | "declined",
  note: string,
  by: string,
) {
  const [request] = await tx
    .select()
    .from(rateRequests)
    .where(eq(rateRequests.id, requestId))
    .for("update");
  if (!request) throw notFound("That rate request");
  if (request.status !== "open") throw conflict(`This request has already been ${request.status}.`);
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, request.contractId));
  if (!contract) throw notFound("That contract");
  await tx
    .update(rateRequests)
    .set({
      status: decision,
      decidedBy: by,
      decidedAt: new Date().toISOString(),
      decisionNote: note,
    })
    .where(eq(rateRequests.id, requestId));
  if (decision === "declined") return { contract, planVersion: null };
  // The person is known only now, from the request: the lock command() takes, taken here.
  await personRelationships.lock(tx, contract.personId);
  const [latest] = await versionsOf(tx, contract.personId);
  if (!latest) throw conflict("The person has no plan to change.");
  const lines = latest.version.lines.map((l) =>
    l.providerId === contract.providerId && l.cost.type === "hourly"
      ? { ...l, cost: { ...l.cost, hourlyRatePence: request.proposedRatePence } }
      : l,
  );
  const version = await appendVersion(tx, {
    personId: contract.personId,
    budgetEntryId: latest.version.budgetEntryId,
    lines,
    choice: latest.version.choice,
    changeSummary:
      `Rate agreed with the provider: ${formatPence(request.proposedRatePence)} an hour. ${note}`.trim(),
    createdBy: by,
  });
  return { contract, planVersion: version.version };
}
