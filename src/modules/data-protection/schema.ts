import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../identity/schema";
import { people } from "../people/schema";

const at = (name: string) => timestamp(name, { mode: "string", withTimezone: true });

/**
 * The council's retention periods (one row; the defaults until an administrator changes them).
 * Closed cases are reviewed for erasure; the rest is pruned on a schedule.
 */
export const retentionSettings = pgTable(
  "retention_settings",
  {
    id: boolean("id").primaryKey().default(true),
    /** A case with no activity for this long is listed for review (there is no "closed" state yet). */
    closedCaseYears: integer("closed_case_years").notNull().default(6),
    signInAttemptDays: integer("sign_in_attempt_days").notNull().default(90),
    expiredSessionDays: integer("expired_session_days").notNull().default(30),
    /** A self-referral staff never accepted into a referral. */
    selfReferralDays: integer("self_referral_days").notNull().default(365),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("retention_settings_one_row", sql`${t.id}`),
    check(
      "retention_settings_positive",
      sql`${t.closedCaseYears} >= 1 and ${t.signInAttemptDays} >= 1 and ${t.expiredSessionDays} >= 1 and ${t.selfReferralDays} >= 1`,
    ),
  ],
);

/**
 * Erasing a person past retention: proposed by one person, approved by a different one (four
 * eyes, held by a check constraint), then anonymised by cairn_anonymise_person in the approval's
 * transaction. At most one erasure per person is open at a time.
 */
export const erasures = pgTable(
  "erasures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    reason: text("reason").notNull(),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: at("proposed_at").notNull().defaultNow(),
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: at("approved_at"),
    /** When the person's record was anonymised (set by cairn_anonymise_person). */
    completedAt: at("completed_at"),
  },
  (t) => [
    check("erasures_four_eyes", sql`${t.approvedBy} is null or ${t.approvedBy} <> ${t.proposedBy}`),
    check(
      "erasures_approved_whole",
      sql`(${t.approvedBy} is null) = (${t.approvedAt} is null) and (${t.completedAt} is null or ${t.approvedAt} is not null)`,
    ),
    uniqueIndex("erasures_one_per_person_idx").on(t.personId),
    index("erasures_open_idx").on(t.completedAt),
  ],
);
