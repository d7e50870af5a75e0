import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contracts } from "../contracts/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { providers } from "../providers/schema";
import { TRANSACTION_KINDS } from "./rules";

const at = (name: string) =>
  timestamp(name, { mode: "string", withTimezone: true }).notNull().defaultNow();

/** What each account is: a person's fund, a provider's account, or one of the council's. */
export const ledgerAccounts = pgTable("ledger_accounts", {
  key: text("key").primaryKey(),
  kind: text("kind", { enum: ["fund", "provider", "council", "contribution"] }).notNull(),
  label: text("label").notNull(),
  personId: uuid("person_id").references(() => people.id),
  providerId: uuid("provider_id").references(() => providers.id),
  contractId: uuid("contract_id").references(() => contracts.id),
  /** For a fund: the SDS option it serves (1 direct payment, 2 ISF, 3 council-arranged). */
  option: text("option", { enum: ["1", "2", "3"] }),
  createdAt: at("created_at"),
});

/** Append-only: one movement of money, linked to what caused it. */
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: TRANSACTION_KINDS }).notNull(),
    /** What it came from: "allocation-run", "provider-return", "payment-run", "decision"... */
    sourceType: text("source_type").notNull(),
    sourceId: text("source_id").notNull(),
    /** Retrying the same thing never records it twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    reversesId: uuid("reverses_id").unique(),
    period: text("period"),
    memo: text("memo").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: at("recorded_at"),
    /**
     * The database transaction (its xid8) that recorded it, set by a trigger: entries may be
     * added only in that one, so a posted transaction never gains entries (migration dbroles).
     */
    openedIn: bigint("opened_in", { mode: "number" }),
  },
  (t) => [index("ledger_transactions_source_idx").on(t.sourceType, t.sourceId)],
);

/** Append-only: the postings of a transaction; an account's balance is the sum of its entries. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    account: text("account")
      .notNull()
      .references(() => ledgerAccounts.key),
    pence: bigint("pence", { mode: "number" }).notNull(),
  },
  (t) => [
    index("ledger_entries_account_idx").on(t.account, t.transactionId),
    index("ledger_entries_transaction_idx").on(t.transactionId),
  ],
);

/** What a provider delivered for one contract in one month. */
export const providerReturns = pgTable(
  "provider_returns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    period: text("period").notNull(),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: at("submitted_at"),
  },
  (t) => [uniqueIndex("provider_returns_contract_period_idx").on(t.contractId, t.period)],
);

export const providerReturnLines = pgTable("provider_return_lines", {
  id: uuid("id").primaryKey().defaultRandom(),
  returnId: uuid("return_id")
    .notNull()
    .references(() => providerReturns.id),
  lineNumber: integer("line_number").notNull(),
  kind: text("kind", { enum: ["support", "purchase"] }).notNull(),
  description: text("description").notNull(),
  plannedMinutes: integer("planned_minutes").notNull().default(0),
  deliveredMinutes: integer("delivered_minutes").notNull().default(0),
  plannedVisits: integer("planned_visits").notNull().default(0),
  deliveredVisits: integer("delivered_visits").notNull().default(0),
  pence: bigint("pence", { mode: "number" }).notNull(),
  transactionId: uuid("transaction_id").references(() => ledgerTransactions.id),
  /**
   * Why the line is held to be asked about (over the plan, over the fund, over the cap per line):
   * its money is not recorded, so no run pays it, until finance agrees it (return_line_decisions).
   */
  heldReason: text("held_reason"),
});

export const LINE_DECISIONS = ["agreed", "rejected"] as const;

/**
 * Append-only: finance's decision on a held line of a return, once (a unique line): agreed, its
 * money recorded then (the transaction); rejected, nothing is paid.
 */
export const returnLineDecisions = pgTable("return_line_decisions", {
  lineId: uuid("line_id")
    .primaryKey()
    .references(() => providerReturnLines.id),
  decision: text("decision", { enum: LINE_DECISIONS }).notNull(),
  note: text("note").notNull(),
  transactionId: uuid("transaction_id").references(() => ledgerTransactions.id),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  decidedAt: at("decided_at"),
});

/** A conversation about one line of a return: a query and its replies, kept. */
export const returnLineMessages = pgTable("return_line_messages", {
  id: uuid("id").primaryKey().defaultRandom(),
  lineId: uuid("line_id")
    .notNull()
    .references(() => providerReturnLines.id),
  message: text("message").notNull(),
  sentBy: uuid("sent_by")
    .notNull()
    .references(() => users.id),
  sentAt: at("sent_at"),
});

/**
 * A periodic payment run to providers: drafted, approved by a second finance officer, paid.
 * At most one is open at a time, held by a unique index so drafts racing on many connections
 * cannot make two runs that pay the same money.
 */
export const paymentRuns = pgTable(
  "payment_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    period: text("period").notNull(),
    status: text("status", { enum: ["draft", "approved", "paid"] })
      .notNull()
      .default("draft"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at"),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { mode: "string", withTimezone: true }),
  },
  (t) => [
    uniqueIndex("payment_runs_one_open_idx")
      .on(sql`(true)`)
      .where(sql`${t.status} in ('draft', 'approved')`),
  ],
);

export const PAYEE_KINDS = ["provider", "direct-payment"] as const;

export const paymentRunLines = pgTable(
  "payment_run_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => paymentRuns.id),
    account: text("account")
      .notNull()
      .references(() => ledgerAccounts.key),
    /** Who is paid: a provider what it is owed, or a person their direct payment (set at drafting). */
    payeeKind: text("payee_kind", { enum: PAYEE_KINDS }).notNull(),
    payeeName: text("payee_name").notNull(),
    pence: bigint("pence", { mode: "number" }).notNull(),
    sortCode: text("sort_code"),
    accountNumber: text("account_number"),
    /** A direct payment's one-off amount, paid as its own line: the plan line it pays for. */
    oneOffLineId: text("one_off_line_id"),
    oneOffDescription: text("one_off_description"),
    /** Held lines are not paid in this run; the money stays owed for the next. */
    heldReason: text("held_reason"),
    /**
     * What a provider line reserves: the account's money owed up to this ledger entry. The same
     * money is reserved by one line to be paid only (a held line lets it go to the next run).
     */
    owedThroughEntry: bigint("owed_through_entry", { mode: "number" }),
    transactionId: uuid("transaction_id").references(() => ledgerTransactions.id),
    /** The approved version of the payee's bank details the line pays into (sort code, account). */
    bankVersionId: uuid("bank_version_id").references(() => bankDetailVersions.id),
  },
  (t) => [
    uniqueIndex("payment_run_lines_reserved_idx")
      .on(t.account, t.owedThroughEntry)
      .where(sql`${t.heldReason} is null`),
  ],
);

/**
 * Append-only: where a payee is paid, one version per change. A change is proposed by one finance
 * officer and used in a payment run only once a different one approves it (bank_detail_approvals);
 * a run pays into the payee's newest approved version. Versions carried over from before changes
 * needed a second officer (`carried_over`, no proposer) were in use, and stay so.
 */
export const bankDetailVersions = pgTable(
  "bank_detail_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Their order: the newest approved version of a payee is the one paid into. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    /** Whom it pays: the ledger account paid ("provider:<id>", or a direct payment's "fund:<contract>"). */
    payee: text("payee").notNull(),
    payeeKind: text("payee_kind", { enum: PAYEE_KINDS }).notNull(),
    providerId: uuid("provider_id").references(() => providers.id),
    contractId: uuid("contract_id").references(() => contracts.id),
    sortCode: text("sort_code").notNull(),
    accountNumber: text("account_number").notNull(),
    proposedBy: uuid("proposed_by").references(() => users.id),
    proposedAt: at("proposed_at"),
    carriedOver: boolean("carried_over").notNull().default(false),
  },
  (t) => [
    index("bank_detail_versions_payee_idx").on(t.payee, t.seq),
    unique("bank_detail_versions_id_proposer").on(t.id, t.proposedBy),
    check("bank_detail_versions_proposer", sql`(${t.proposedBy} is null) = ${t.carriedOver}`),
    check(
      "bank_detail_versions_payee",
      sql`(${t.payeeKind} = 'provider' and ${t.providerId} is not null and ${t.contractId} is null and ${t.payee} = 'provider:' || ${t.providerId})
        or (${t.payeeKind} = 'direct-payment' and ${t.contractId} is not null and ${t.providerId} is null and ${t.payee} = 'fund:' || ${t.contractId})`,
    ),
    check("bank_detail_versions_sort_code", sql`${t.sortCode} ~ '^[0-9]{6}$'`),
    check("bank_detail_versions_account_number", sql`${t.accountNumber} ~ '^[0-9]{8}$'`),
  ],
);

/**
 * Append-only: a second finance officer's approval of a proposed version, once. The database
 * holds the four eyes too: the proposer is carried (and must match the version's) and the
 * approver must be someone else.
 */
export const bankDetailApprovals = pgTable(
  "bank_detail_approvals",
  {
    versionId: uuid("version_id").primaryKey(),
    proposedBy: uuid("proposed_by").notNull(),
    approvedBy: uuid("approved_by")
      .notNull()
      .references(() => users.id),
    approvedAt: at("approved_at"),
  },
  (t) => [
    foreignKey({
      name: "bank_detail_approvals_version_fk",
      columns: [t.versionId, t.proposedBy],
      foreignColumns: [bankDetailVersions.id, bankDetailVersions.proposedBy],
    }),
    check("bank_detail_approvals_four_eyes", sql`${t.approvedBy} <> ${t.proposedBy}`),
  ],
);
