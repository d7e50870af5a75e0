import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { budgetEntries } from "../budgets/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { providers } from "../providers/schema";
import type { LineCost, LineOption, SupportKind } from "./costing";
import type { ChoiceRecord } from "./principles";
import { PLAN_DECISIONS, PLAN_EVENTS, PLAN_STATUSES, SDS_OPTIONS } from "./statuses";

/** The support plan: the person's choice of option and provider, and its state. */
export const providerRequests = pgTable(
  "provider_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    budgetEntryId: uuid("budget_entry_id")
      .notNull()
      .references(() => budgetEntries.id),
    option: text("option", { enum: SDS_OPTIONS }).notNull(),
    providerId: uuid("provider_id").references(() => providers.id),
    status: text("status", { enum: PLAN_STATUSES }).notNull(),
    chosenBy: uuid("chosen_by")
      .notNull()
      .references(() => users.id),
    choiceReason: text("choice_reason").notNull().default(""),
    startDate: date("start_date", { mode: "string" }),
    committedHoursPerWeek: integer("committed_hours_per_week"),
    /** The support in the plan this request is for (null for a whole-budget choice). */
    planLineId: uuid("plan_line_id"),
    /** The provider is not on the council's framework: allowed, and flagged to procurement. */
    offFramework: boolean("off_framework").notNull().default(false),
    /**
     * What the provider may see before it agrees, as the person (or the worker with them) set it
     * when asking: also what matters to the person, in their own words. By default only the
     * supports asked, hours and locality: no free text about their health or life.
     */
    shareOutcomes: boolean("share_outcomes").notNull().default(false),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index("provider_requests_person_idx").on(t.personId),
    index("provider_requests_provider_idx").on(t.providerId),
  ],
);

/** Append-only history of every change of a plan's state: who, when, what. */
export const planEvents = pgTable("plan_events", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => providerRequests.id),
  event: text("event", { enum: PLAN_EVENTS }).notNull(),
  note: text("note").notNull().default(""),
  actorId: uuid("actor_id")
    .notNull()
    .references(() => users.id),
  at: timestamp("at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** One support in the plan, meeting one of the person's outcomes. Kept inside a plan version. */
export interface PlanLine {
  /** Stable across versions, so a line can be followed through changes. */
  id: string;
  outcomeId: string;
  kind: SupportKind;
  description: string;
  option: LineOption;
  cost: LineCost;
  providerId: string | null;
  serviceId: string | null;
  poolId: string | null;
  /** A short note of how the support meets the outcome (asked for purchases; never a gate). */
  howItMeetsOutcome: string;
  /** Option 1 personal assistant who is a close family member: allowed with a recorded reason. */
  familyMemberReason: string | null;
}

/**
 * Append-only: each version of a person's support plan, whole. A change is a new version with
 * what changed and why; the newest is the plan.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    version: integer("version").notNull(),
    budgetEntryId: uuid("budget_entry_id")
      .notNull()
      .references(() => budgetEntries.id),
    lines: jsonb("lines").$type<PlanLine[]>().notNull(),
    choice: jsonb("choice").$type<ChoiceRecord>(),
    changeSummary: text("change_summary").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [uniqueIndex("plan_versions_person_version_idx").on(t.personId, t.version)],
);

/** Append-only: the decision on a plan version; approved makes that version the one in force. */
export const planDecisions = pgTable("plan_decisions", {
  id: uuid("id").primaryKey().defaultRandom(),
  planVersionId: uuid("plan_version_id")
    .notNull()
    .unique()
    .references(() => planVersions.id),
  decision: text("decision", { enum: PLAN_DECISIONS }).notNull(),
  approvalNeeded: text("approval_needed"),
  note: text("note").notNull(),
  decidedBy: uuid("decided_by")
    .notNull()
    .references(() => users.id),
  decidedAt: timestamp("decided_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** Shared support that several people agree to pool part of their budgets for. */
export const supportPools = pgTable("support_pools", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  /** The whole shared cost, recurring or once. */
  cost: jsonb("cost").$type<LineCost>().notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** Who is in a pool, with their weight in the split (equal weights: an even split). */
export const poolMembers = pgTable(
  "pool_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    poolId: uuid("pool_id")
      .notNull()
      .references(() => supportPools.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    weight: integer("weight").notNull(),
    /** Order of joining: shares are split in this order, so pennies fall the same way each time. */
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("pool_members_pool_person_idx").on(t.poolId, t.personId)],
);
