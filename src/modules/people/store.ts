import { and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../platform/db/client";
import { conflict, Problem } from "../../platform/http/problem";
import { assessments } from "../assessment/schema";
import { budgetApprovals, budgetEntries } from "../budgets/schema";
import { inForce } from "../budgets/store";
import { agreementsInForce } from "../contracts/in-force";
import { eligibilityDecisions } from "../eligibility/schema";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { providerRequests } from "../plans/schema";
import { duplicateReasons, type PersonIdentity } from "./duplicates";
import type { AUTHORITIES, PersonSummary } from "./replies";
import { people, representatives } from "./schema";
import { journeyStage } from "./stage";

/** The people in `personIds` (a subquery, e.g. the actor's scope), summarised. */
export function listPeople(db: Db, personIds: SQL): Promise<PersonSummary[]> {
  return summarisePeople(db, inArray(people.id, personIds));
}

/** Summaries (with derived journey stage) of the people matching a condition. */
export async function summarisePeople(db: Db, where: SQL | undefined): Promise<PersonSummary[]> {
  const rows = await personRows(db, where);
  if (rows.length === 0) return [];
  const facts = await journeyFacts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, stage: journeyStage(facts(r.id)) }));
}

/** People's identifying details, locality and worker: a summary without its stage. */
export async function personRows(db: Db, where: SQL | undefined) {
  const worker = alias(users, "worker");
  const rows = await db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      dateOfBirth: people.dateOfBirth,
      localityId: localities.id,
      localityName: localities.name,
      workerId: worker.id,
      workerName: worker.displayName,
      userId: people.userId,
    })
    .from(people)
    .innerJoin(localities, eq(localities.id, people.localityId))
    .leftJoin(worker, eq(worker.id, people.allocatedWorkerId))
    .where(where)
    .orderBy(people.familyName, people.givenName);
  return rows.map((r) => ({
    id: r.id,
    givenName: r.givenName,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    locality: { id: r.localityId, name: r.localityName },
    allocatedWorker: r.workerId ? { id: r.workerId, displayName: r.workerName ?? "" } : null,
    hasAccount: r.userId !== null,
  }));
}

/** The facts journeyStage needs, for many people in six queries. */
async function journeyFacts(db: Db, ids: string[]) {
  // One after another: this may run on a transaction's single connection.
  const assessed = await db
    .selectDistinctOn([assessments.personId], {
      id: assessments.personId,
      status: assessments.status,
    })
    .from(assessments)
    .where(inArray(assessments.personId, ids))
    .orderBy(assessments.personId, desc(assessments.recordedAt));
  const decisions = await db
    .selectDistinctOn([eligibilityDecisions.personId], {
      id: eligibilityDecisions.personId,
      eligible: eligibilityDecisions.eligible,
    })
    .from(eligibilityDecisions)
    .where(inArray(eligibilityDecisions.personId, ids))
    .orderBy(eligibilityDecisions.personId, desc(eligibilityDecisions.decidedAt));
  const budgeted = await db
    .selectDistinct({ id: budgetEntries.personId })
    .from(budgetEntries)
    .leftJoin(budgetApprovals, eq(budgetApprovals.budgetEntryId, budgetEntries.id))
    .where(and(inArray(budgetEntries.personId, ids), inForce));
  const plans = await db
    .selectDistinctOn([providerRequests.personId], {
      id: providerRequests.personId,
      status: providerRequests.status,
    })
    .from(providerRequests)
    .where(inArray(providerRequests.personId, ids))
    .orderBy(providerRequests.personId, desc(providerRequests.createdAt));
  const supported = new Set((await agreementsInForce(db, ids)).map((a) => a.personId));
  const assessment = new Map(assessed.map((r) => [r.id, r.status]));
  const budgetSet = new Set(budgeted.map((r) => r.id));
  const eligible = new Map(decisions.map((r) => [r.id, r.eligible]));
  const planStatus = new Map(plans.map((r) => [r.id, r.status]));
  return (id: string) => ({
    assessment: assessment.get(id) ?? null,
    eligible: eligible.get(id) ?? null,
    hasBudget: budgetSet.has(id),
    planStatus: planStatus.get(id) ?? null,
    supportInForce: supported.has(id),
  });
}

/** The journey facts of one person, for the state guards of each step. */
export async function journeyFactsOf(db: Db, personId: string) {
  return (await journeyFacts(db, [personId]))(personId);
}

/** Existing people who may be the person about to be recorded, with the reasons why. */
export async function possibleDuplicates(db: Db, candidate: PersonIdentity) {
  const rows = await personRowsWithIdentity(
    db,
    or(
      candidate.chi ? eq(people.chi, candidate.chi) : undefined,
      eq(people.dateOfBirth, candidate.dateOfBirth),
      and(
        sql`lower(${people.givenName}) = lower(${candidate.givenName.trim()})`,
        sql`lower(${people.familyName}) = lower(${candidate.familyName.trim()})`,
      ),
    ),
  );
  return rows
    .map(({ chi, ...row }) => ({ ...row, reasons: duplicateReasons(candidate, { ...row, chi }) }))
    .filter((row) => row.reasons.length > 0);
}

async function personRowsWithIdentity(db: Db, where: SQL | undefined) {
  const rows = await personRows(db, where);
  const chis = new Map(
    rows.length
      ? (
          await db
            .select({ id: people.id, chi: people.chi })
            .from(people)
            .where(
              inArray(
                people.id,
                rows.map((r) => r.id),
              ),
            )
        ).map((r) => [r.id, r.chi])
      : [],
  );
  return rows.map((r) => ({ ...r, chi: chis.get(r.id) ?? null }));
}

/** A person's name, for letters addressed to them. */
export async function personName(db: Db, personId: string) {
  const [row] = await db
    .select({ givenName: people.givenName, familyName: people.familyName })
    .from(people)
    .where(eq(people.id, personId));
  return row ?? { givenName: "", familyName: "" };
}

/** The team managers of the team the person's allocated worker is in. */
export async function teamManagersOf(
  db: Db,
  personId: string,
): Promise<{ id: string; displayName: string }[]> {
  const [person] = await db
    .select({ teamId: users.teamId })
    .from(people)
    .innerJoin(users, eq(users.id, people.allocatedWorkerId))
    .where(eq(people.id, personId));
  if (!person?.teamId) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.teamId, person.teamId), eq(users.role, "team-manager")))
    .orderBy(users.displayName);
}

/** The council's localities, by name. */
export function allLocalities(db: Db) {
  return db
    .select({ id: localities.id, name: localities.name })
    .from(localities)
    .orderBy(asc(localities.name));
}

/** Refuses an email that already has an account (a field error on `email`). */
export async function refuseTakenEmail(db: Db, email: string) {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing)
    throw conflict("That email already has an account.", [
      { path: "email", message: "This email already has an account" },
    ]);
}

/** Whether the person has their own sign-in already. */
export async function hasSignIn(db: Db, personId: string) {
  const [person] = await db
    .select({ userId: people.userId })
    .from(people)
    .where(eq(people.id, personId));
  return Boolean(person?.userId);
}

export interface NewAccount {
  kind: "person" | "representative";
  email: string;
  displayName: string;
  relationship?: string;
  authority?: (typeof AUTHORITIES)[number];
}

/**
 * A sign-in for the person, or for someone acting for them, with no password until its owner
 * sets one (through a one-time link); returns the new user's id.
 */
export async function giveAccount(tx: Db, personId: string, account: NewAccount) {
  const role = account.kind === "person" ? "supported-person" : "representative";
  const [user] = await tx
    .insert(users)
    .values({
      email: account.email,
      displayName: account.displayName,
      role,
    })
    .returning({ id: users.id });
  if (!user) throw new Problem(500, "Not saved", "The account could not be made.");
  if (account.kind === "person") {
    await tx.update(people).set({ userId: user.id }).where(eq(people.id, personId));
  } else {
    await tx.insert(representatives).values({
      personId,
      userId: user.id,
      relationship: account.relationship ?? "",
      authority: account.authority ?? "informal-carer",
    });
  }
  return user.id;
}
