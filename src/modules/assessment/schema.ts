import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/schema";
import { people } from "../people/schema";

/** National outcomes that personal outcomes roll up to (domain.md, step 3). */
export const NATIONAL_OUTCOMES = [
  "health",
  "wellbeing",
  "social-inclusion",
  "independence",
] as const;

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    summary: text("summary").notNull(),
    strengths: text("strengths").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("assessments_person_idx").on(t.personId)],
);

/** What matters to the person, in their own words, and the need it mirrors. */
export const personalOutcomes = pgTable("personal_outcomes", {
  id: uuid("id").primaryKey().defaultRandom(),
  assessmentId: uuid("assessment_id")
    .notNull()
    .references(() => assessments.id),
  inOwnWords: text("in_own_words").notNull(),
  need: text("need").notNull(),
  nationalOutcome: text("national_outcome", { enum: NATIONAL_OUTCOMES }).notNull(),
});
