import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { eligibilityDecisions } from "../eligibility/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";

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
    setBy: uuid("set_by")
      .notNull()
      .references(() => users.id),
    setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("budget_entries_person_idx").on(t.personId, t.setAt)],
);
