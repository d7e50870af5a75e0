import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { people } from "../people/schema";
import { REFERRAL_SOURCES, URGENCIES } from "./vocabulary";

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    source: text("source", { enum: REFERRAL_SOURCES }).notNull(),
    urgency: text("urgency", { enum: URGENCIES }).notNull(),
    reason: text("reason").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("referrals_person_idx").on(t.personId)],
);

export const CHOICE_AND_CONTROL = ["a-lot", "some", "a-little", "not-sure"] as const;

/**
 * What a person (or someone in their network) prepared and sent without an account: the
 * "prepare to talk to social work" form. Staff accept it into a referral.
 */
export const selfReferrals = pgTable(
  "self_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    localityId: uuid("locality_id")
      .notNull()
      .references(() => localities.id),
    contact: text("contact").notNull(),
    /** Empty when the person sent it themselves; else who did, and how they know them. */
    sentBy: text("sent_by").notNull().default(""),
    whatMatters: text("what_matters").notNull(),
    whatIsWorking: text("what_is_working").notNull().default(""),
    whatIsNotWorking: text("what_is_not_working").notNull().default(""),
    helpIHave: text("help_i_have").notNull().default(""),
    choiceAndControl: text("choice_and_control", { enum: CHOICE_AND_CONTROL }).notNull(),
    receivedAt: timestamp("received_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    /** Set when staff accept it: the referral it became. */
    referralId: uuid("referral_id").references(() => referrals.id),
  },
  (t) => [index("self_referrals_open_idx").on(t.referralId, t.receivedAt)],
);

export const DUPLICATE_CHECK_STATUSES = ["open", "same-person", "different-person"] as const;

/** The referral a worker asked to have checked: recorded once a reviewer decides. */
export interface CheckedReferral {
  person: {
    givenName: string;
    familyName: string;
    dateOfBirth: string;
    localityId: string;
    chi?: string | undefined;
  };
  source: (typeof REFERRAL_SOURCES)[number];
  urgency: (typeof URGENCIES)[number];
  reason: string;
}

/**
 * A worker's request that a possible duplicate be checked: the worker sees only that someone
 * like the person is recorded (not who, unless on their caseload); a team manager of their team
 * or an administrator sees the matches and decides: the same person (the referral is added to
 * that record) or a different one (a new person is recorded, held by the worker).
 */
export const duplicateChecks = pgTable(
  "duplicate_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    referral: jsonb("referral").$type<CheckedReferral>().notNull(),
    /** The people the check matched when it was asked. */
    matchIds: jsonb("match_ids").$type<string[]>().notNull(),
    status: text("status", { enum: DUPLICATE_CHECK_STATUSES }).notNull().default("open"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { mode: "string", withTimezone: true }),
    /** The referral recorded on the decision (on the match, or on a new person). */
    referralId: uuid("referral_id").references(() => referrals.id),
    requestedAt: timestamp("requested_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("duplicate_checks_open_idx").on(t.status, t.requestedAt)],
);
