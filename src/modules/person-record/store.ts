import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { carerAssessmentsFor } from "../assessment/carer-store";
import { latestAssessment } from "../assessment/store";
import { restOfFinancialYear } from "../budgets/ras";
import { currentBudget, pendingBudget } from "../budgets/store";
import { latestDecision } from "../eligibility/store";
import { users } from "../identity/schema";
import { people, representatives } from "../people/schema";
import { journeyStage } from "../people/stage";
import { journeyFactsOf, personRows } from "../people/store";
import { latestPlan } from "../plans/store";
import { referralsFor } from "../referrals/store";

/** A person's record as far as the journey goes, gathered from each step; null if no such person. */
export async function personRecord(db: Db, personId: string) {
  const [summary] = await personRows(db, eq(people.id, personId));
  if (!summary) return null;
  const [referralList, assessment, eligibility, budget, plan, reps, carers, pending] =
    await Promise.all([
      referralsFor(db, personId),
      latestAssessment(db, personId),
      latestDecision(db, personId),
      currentBudget(db, personId),
      latestPlan(db, personId),
      representativesOf(db, personId),
      carerAssessmentsFor(db, personId),
      pendingBudget(db, personId),
    ]);
  const stage = journeyStage(await journeyFactsOf(db, personId));
  return {
    ...summary,
    stage,
    referrals: referralList,
    assessment,
    eligibility,
    budget,
    plan,
    representatives: reps,
    carerAssessments: carers,
    pendingBudget: pending,
    // Support that starts part-way through the year: the budget from then to 31 March.
    budgetThisYear:
      budget && plan?.startDate
        ? restOfFinancialYear(budget.annualAmountPence, plan.startDate)
        : null,
  };
}

/** Who acts with or for the person, and with what authority. */
export function representativesOf(db: Db, personId: string) {
  return db
    .select({
      id: representatives.id,
      displayName: users.displayName,
      relationship: representatives.relationship,
      authority: representatives.authority,
    })
    .from(representatives)
    .innerJoin(users, eq(users.id, representatives.userId))
    .where(and(eq(representatives.personId, personId), isNull(representatives.endedAt)));
}
