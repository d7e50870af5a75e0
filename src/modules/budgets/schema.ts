import {
  type AnyPgColumn,
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { eligibilityDecisions } from "../eligibility/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import type { BudgetLine, RasDefinition, RasInput } from "./ras";
import { FUNDING_STREAMS } from "./streams";

/**
 * Append-only: each row sets the person's annual budget from that moment.
 * The current budget is the newest row; nothing is ever updated or deleted.
 */
export const budgetEntries = pgTable(
  "budget_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    eligibilityDecisionId: uuid("eligibility_decision_id")
      .notNull()
      .references(() => eligibilityDecisions.id),
    annualAmountPence: bigint("annual_amount_pence", { mode: "number" }).notNull(),
    reason: text("reason").notNull(),
    /** The RAS version an indicative amount came from, and its reasons line by line. */
    rasVersionId: uuid("ras_version_id").references((): AnyPgColumn => rasVersions.id),
    lines: jsonb("lines").$type<BudgetLine[]>(),
    /** The answers the RAS was given, so a new RAS version can be tried against them. */
    rasInput: jsonb("ras_input").$type<RasInput>(),
    /** Why it needs a team manager's approval before it takes effect; null if it does not. */
    approvalNeeded: text("approval_needed"),
    setBy: uuid("set_by")
      .notNull()
      .references(() => users.id),
    setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("budget_entries_person_idx").on(t.personId, t.setAt)],
);

/** A version of the council's Resource Allocation System. Published versions never change. */
export const rasVersions = pgTable("ras_versions", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: integer("version").notNull().unique(),
  name: text("name").notNull(),
  definition: jsonb("definition").$type<RasDefinition>().notNull(),
  status: text("status", { enum: ["draft", "published"] })
    .notNull()
    .default("draft"),
  effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid("published_by").references(() => users.id),
  publishedAt: timestamp("published_at", { mode: "string", withTimezone: true }),
});

/**
 * How far a social worker's own authority goes: larger amounts, or adjustments further from
 * the RAS amount, need a team manager's approval. Append-only; the newest is in force.
 */
export const budgetAuthority = pgTable("budget_authority", {
  id: uuid("id").primaryKey().defaultRandom(),
  maxAnnualPence: bigint("max_annual_pence", { mode: "number" }).notNull(),
  maxAdjustmentBasisPoints: integer("max_adjustment_basis_points").notNull(),
  setBy: uuid("set_by")
    .notNull()
    .references(() => users.id),
  setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** Append-only: a team manager's decision on a budget entry that needed approval. */
export const budgetApprovals = pgTable("budget_approvals", {
  id: uuid("id").primaryKey().defaultRandom(),
  budgetEntryId: uuid("budget_entry_id")
    .notNull()
    .unique()
    .references(() => budgetEntries.id),
  decision: text("decision", { enum: ["approved", "rejected"] }).notNull(),
  note: text("note").notNull().default(""),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  decidedAt: timestamp("decided_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** Append-only: how one budget entry's amount is made up from funding streams. */
export const budgetStreams = pgTable(
  "budget_streams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    budgetEntryId: uuid("budget_entry_id")
      .notNull()
      .references(() => budgetEntries.id),
    stream: text("stream", { enum: FUNDING_STREAMS }).notNull(),
    annualAmountPence: bigint("annual_amount_pence", { mode: "number" }).notNull(),
    /** What the stream's funder needs reported, and how often. */
    reporting: text("reporting").notNull().default(""),
  },
  (t) => [index("budget_streams_entry_idx").on(t.budgetEntryId)],
);
