import { asc, eq, inArray } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { auditLog } from "../../platform/audit/schema";
import type { Db } from "../../platform/db/client";
import { renderPdf } from "../../platform/documents/pdf";
import { notFound } from "../../platform/http/problem";
import {
  assessmentSignOffReallocations,
  assessments,
  assessmentVersions,
  carerAssessments,
  personalOutcomes,
} from "../assessment/schema";
import { budgetLetterOf } from "../budgets/letter-store";
import { budgetApprovals, budgetEntries, budgetStreams } from "../budgets/schema";
import {
  contractQuestions,
  contractSignatures,
  contracts,
  contractVersions,
  rateRequests,
} from "../contracts/schema";
import { decisionLetterOf } from "../eligibility/letter-store";
import { eligibilityDecisions } from "../eligibility/schema";
import { users } from "../identity/schema";
import {
  bankDetailVersions,
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  paymentRunLines,
  providerReturnLines,
  providerReturns,
  returnLineDecisions,
  returnLineMessages,
} from "../ledger/schema";
import { people, representatives } from "../people/schema";
import {
  planDecisions,
  planEvents,
  planVersions,
  poolMembers,
  providerRequests,
} from "../plans/schema";
import { referrals, selfReferrals } from "../referrals/schema";
import { erasures } from "./schema";
import type { Section, SubjectAccess } from "./subject-access";

type Row = Record<string, unknown>;

/** Every row of a table whose column is one of the ids (none asked: none read). */
async function rowsWhere(db: Db, table: PgTable, column: PgColumn, ids: unknown[]): Promise<Row[]> {
  if (!ids.length) return [];
  return (await db
    .select()
    .from(table)
    .where(inArray(column, ids as string[]))) as Row[];
}

const ids = (rows: Row[], key = "id") => [...new Set(rows.map((r) => r[key]).filter(Boolean))];

/**
 * Everything Cairn holds about a person, every version, and every audited read or change of
 * their record, in sections; null if there is no such person. The letters are rendered as the
 * person would have been sent them.
 */
export async function gatherSubjectAccess(
  db: Db,
  personId: string,
  producedBy: string,
): Promise<SubjectAccess> {
  const [person] = (await db.select().from(people).where(eq(people.id, personId))) as Row[];
  if (!person) throw notFound("That person");
  const one = (table: PgTable, column: PgColumn) => rowsWhere(db, table, column, [personId]);

  const reps = await one(representatives, representatives.personId);
  const refs = await one(referrals, referrals.personId);
  const selfRefs = await rowsWhere(db, selfReferrals, selfReferrals.referralId, ids(refs));
  const assess = await one(assessments, assessments.personId);
  const outcomes = await rowsWhere(
    db,
    personalOutcomes,
    personalOutcomes.assessmentId,
    ids(assess),
  );
  const versions = await rowsWhere(
    db,
    assessmentVersions,
    assessmentVersions.assessmentId,
    ids(assess),
  );
  const reallocations = await rowsWhere(
    db,
    assessmentSignOffReallocations,
    assessmentSignOffReallocations.assessmentId,
    ids(assess),
  );
  const carers = await one(carerAssessments, carerAssessments.personId);
  const decisions = await one(eligibilityDecisions, eligibilityDecisions.personId);
  const budgets = await one(budgetEntries, budgetEntries.personId);
  const streams = await rowsWhere(db, budgetStreams, budgetStreams.budgetEntryId, ids(budgets));
  const approvals = await rowsWhere(
    db,
    budgetApprovals,
    budgetApprovals.budgetEntryId,
    ids(budgets),
  );
  const requests = await one(providerRequests, providerRequests.personId);
  const events = await rowsWhere(db, planEvents, planEvents.planId, ids(requests));
  const plans = await one(planVersions, planVersions.personId);
  const planDecided = await rowsWhere(db, planDecisions, planDecisions.planVersionId, ids(plans));
  const pools = await one(poolMembers, poolMembers.personId);
  const agreements = await one(contracts, contracts.personId);
  const agreementVersions = await rowsWhere(
    db,
    contractVersions,
    contractVersions.contractId,
    ids(agreements),
  );
  const signatures = await rowsWhere(
    db,
    contractSignatures,
    contractSignatures.contractVersionId,
    ids(agreementVersions),
  );
  const questions = await rowsWhere(
    db,
    contractQuestions,
    contractQuestions.contractId,
    ids(agreements),
  );
  const rates = await rowsWhere(db, rateRequests, rateRequests.contractId, ids(agreements));
  const accounts = await one(ledgerAccounts, ledgerAccounts.personId);
  const entries = await rowsWhere(db, ledgerEntries, ledgerEntries.account, ids(accounts, "key"));
  const transactions = await rowsWhere(
    db,
    ledgerTransactions,
    ledgerTransactions.id,
    ids(entries, "transactionId"),
  );
  const returns = await rowsWhere(db, providerReturns, providerReturns.contractId, ids(agreements));
  const returnLines = await rowsWhere(
    db,
    providerReturnLines,
    providerReturnLines.returnId,
    ids(returns),
  );
  const messages = await rowsWhere(
    db,
    returnLineMessages,
    returnLineMessages.lineId,
    ids(returnLines),
  );
  const lineDecisions = await rowsWhere(
    db,
    returnLineDecisions,
    returnLineDecisions.lineId,
    ids(returnLines),
  );
  const bankDetails = await rowsWhere(
    db,
    bankDetailVersions,
    bankDetailVersions.contractId,
    ids(agreements),
  );
  const payments = await rowsWhere(
    db,
    paymentRunLines,
    paymentRunLines.account,
    ids(accounts, "key"),
  );
  const erased = await one(erasures, erasures.personId);
  const audit = (await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.personId, personId))
    .orderBy(asc(auditLog.id))) as Row[];

  const sections: Section[] = [
    section("person", "The person", "Name, date of birth, CHI number, locality, worker.", [person]),
    section(
      "representatives",
      "Representatives",
      "Who may act for the person, with what authority, and when it ended.",
      reps,
    ),
    section("referrals", "Referrals", "How the person came to social work.", refs),
    section(
      "selfReferrals",
      "Self-referrals",
      "What the person or someone for them sent before a referral.",
      selfRefs,
    ),
    section("assessments", "Assessments", "The assessment as it is now.", assess),
    section(
      "assessmentVersions",
      "Assessment versions",
      "Every saved version of the assessment.",
      versions,
    ),
    section(
      "personalOutcomes",
      "Personal outcomes",
      "What matters to the person, in each version.",
      outcomes,
    ),
    section(
      "assessmentSignOffReallocations",
      "Sign-off reallocations",
      "Managers named to sign off an assessment.",
      reallocations,
    ),
    section("carerAssessments", "Carers", "Carers' own assessments.", carers),
    section(
      "eligibilityDecisions",
      "Eligibility decisions",
      "Each decision and its reasons.",
      decisions,
    ),
    section("budgetEntries", "Budgets and budget entries", "Every amount set, and why.", budgets),
    section("budgetStreams", "Budget funding streams", "How each amount is made up.", streams),
    section("budgetApprovals", "Budget approvals", "Managers' decisions on amounts.", approvals),
    section(
      "providerRequests",
      "Provider requests",
      "Providers asked to deliver support.",
      requests,
    ),
    section("planEvents", "Plan events", "Every change of a request's state.", events),
    section("planVersions", "Support plan versions", "Every version of the support plan.", plans),
    section("planDecisions", "Support plan decisions", "Approvals of plan versions.", planDecided),
    section("poolMembers", "Shared support", "Pools the person shares support in.", pools),
    section("contracts", "Agreements", "The agreements about the person's support.", agreements),
    section(
      "contractVersions",
      "Agreement versions",
      "Every version, with the exact document.",
      agreementVersions,
    ),
    section("contractSignatures", "Signatures", "Who signed which version, when.", signatures),
    section(
      "contractQuestions",
      "Questions about agreements",
      "Questions asked before signing, and answers.",
      questions,
    ),
    section("rateRequests", "Rate requests", "Providers' requests to change the rate.", rates),
    section("ledgerAccounts", "Money accounts", "The person's funds.", accounts),
    section(
      "ledgerTransactions",
      "Money movements",
      "Every movement of money on the person's funds.",
      transactions,
    ),
    section(
      "ledgerEntries",
      "Money postings",
      "Each posting on the person's funds, in pence.",
      entries,
    ),
    section("providerReturns", "Provider returns", "What providers said they delivered.", returns),
    section(
      "providerReturnLines",
      "Provider return lines",
      "Each line of those returns.",
      returnLines,
    ),
    section("returnLineMessages", "Queries on returns", "Messages about return lines.", messages),
    section(
      "returnLineDecisions",
      "Decisions on held return lines",
      "Finance's decision on each return line held to be asked about.",
      lineDecisions,
    ),
    section(
      "bankDetailVersions",
      "Bank details",
      "Every version of the bank details a direct payment is paid into.",
      bankDetails,
    ),
    section("paymentRunLines", "Payments", "Payments made from the person's funds.", payments),
    section("erasures", "Erasure", "Any erasure proposed or done.", erased),
    section(
      "auditLog",
      "Who read or changed the record",
      "Every read and change of the record, and every refusal.",
      audit,
    ),
  ];

  const mentioned = new Set<string>();
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (const s of sections)
    for (const row of s.rows)
      for (const v of Object.values(row))
        if (typeof v === "string" && UUID.test(v)) mentioned.add(v);
  const named = mentioned.size
    ? await db
        .select({ id: users.id, displayName: users.displayName })
        .from(users)
        .where(inArray(users.id, [...mentioned]))
    : [];

  const letters: Record<string, Uint8Array> = {};
  const budgetLetter = await budgetLetterOf(db, personId);
  if (budgetLetter) letters["budget.pdf"] = await renderPdf(budgetLetter.document);
  const decisionLetter = await decisionLetterOf(db, personId);
  if (decisionLetter)
    letters["eligibility-decision.pdf"] = await renderPdf(decisionLetter.document);

  return {
    personId,
    personName: `${person.givenName} ${person.familyName}`,
    producedAt: new Date().toISOString(),
    producedBy,
    sections,
    people: Object.fromEntries(named.map((u) => [u.id, u.displayName])),
    letters,
  };
}

function section(key: string, title: string, about: string, rows: Row[]): Section {
  return { key, title, about, rows };
}
