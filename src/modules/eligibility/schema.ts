import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { assessments } from "../assessment/schema";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { RISK_LEVELS, SIGN_OFF_RULES } from "./levels";

/** National Eligibility Framework (2009) risk levels; when a manager signs off. */

/**
 * The council's published eligibility criteria: which risk levels it funds. Append-only;
 * the newest row is in force, and each decision records the criteria it applied.
 */
export const eligibilityCriteria = pgTable("eligibility_criteria", {
  id: uuid("id").primaryKey().defaultRandom(),
  fundedLevels: text("funded_levels", { enum: RISK_LEVELS }).array().notNull(),
  /** The criteria in the council's own words, as published to the public. */
  publishedText: text("published_text").notNull(),
  setBy: uuid("set_by")
    .notNull()
    .references(() => users.id),
  setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

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
    /** The criteria applied; null for decisions made under the built-in default. */
    criteriaId: uuid("criteria_id").references(() => eligibilityCriteria.id),
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

/**
 * Append-only: the council's setting for assessment sign-off; the newest row is in force,
 * "always" before any is set. "from-level": when the risk decided is at that level or higher.
 */
export const assessmentSignOffSettings = pgTable(
  "assessment_sign_off_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    rule: text("rule", { enum: SIGN_OFF_RULES }).notNull(),
    fromLevel: text("from_level", { enum: RISK_LEVELS }),
    setBy: uuid("set_by")
      .notNull()
      .references(() => users.id),
    setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "assessment_sign_off_level_given",
      sql`(${t.rule} = 'from-level') = (${t.fromLevel} is not null)`,
    ),
  ],
);
