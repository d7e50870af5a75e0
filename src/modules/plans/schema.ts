import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { budgetEntries } from "../budgets/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { providers } from "../providers/schema";

export const SDS_OPTIONS = ["1", "2", "3"] as const;
export const PLAN_STATUSES = ["awaiting-provider", "declined", "active"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The support plan: the person's choice of option and provider, and its state. */
export const supportPlans = pgTable(
  "support_plans",
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
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index("support_plans_person_idx").on(t.personId),
    index("support_plans_provider_idx").on(t.providerId),
  ],
);

/** Append-only history of every change of a plan's state: who, when, what. */
export const planEvents = pgTable("plan_events", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => supportPlans.id),
  event: text("event", { enum: ["chosen", "accepted", "declined"] }).notNull(),
  note: text("note").notNull().default(""),
  actorId: uuid("actor_id")
    .notNull()
    .references(() => users.id),
  at: timestamp("at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});
