import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments } from "../assessment/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";

/** National Eligibility Framework (2009) risk levels. */
export const RISK_LEVELS = ["critical", "substantial", "moderate", "low"] as const;

export const eligibilityDecisions = pgTable(
  "eligibility_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    riskLevel: text("risk_level", { enum: RISK_LEVELS }).notNull(),
    eligible: boolean("eligible").notNull(),
    reasons: text("reasons").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp("decided_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("eligibility_person_idx").on(t.personId)],
);
