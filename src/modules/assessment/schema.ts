import {
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
import { users } from "../identity/schema";
import { people } from "../people/schema";
import type { AssessmentContent } from "./rules";
import {
  ASSESSMENT_STATUSES,
  CARER_PLAN_KINDS,
  NATIONAL_OUTCOMES,
  type PARTICIPANT_AUTHORITIES,
  type PARTICIPANT_ROLES,
} from "./vocabulary";

/** Risk enablement: what could go wrong, what the person accepts, what reduces it. */
export interface Risk {
  whatCouldGoWrong: string;
  whatThePersonAccepts: string;
  whatReducesIt: string;
}

/** Who took part in the assessment conversation, and with what legal authority. */
export interface Participant {
  name: string;
  role: (typeof PARTICIPANT_ROLES)[number];
  authority: (typeof PARTICIPANT_AUTHORITIES)[number];
}

export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    summary: text("summary").notNull(),
    strengths: text("strengths").notNull().default(""),
    /** Informal and community support already there. */
    informalSupport: text("informal_support").notNull().default(""),
    risks: jsonb("risks").$type<Risk[]>().notNull().default([]),
    participants: jsonb("participants").$type<Participant[]>().notNull().default([]),
    status: text("status", { enum: ASSESSMENT_STATUSES }).notNull().default("draft"),
    /** The current version; every save of a draft adds one to assessment_versions. */
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { mode: "string", withTimezone: true }),
    /** The team manager who signed it off or returned it: never its author. */
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { mode: "string", withTimezone: true }),
    reviewNote: text("review_note").notNull().default(""),
    /** The author. */
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("assessments_person_idx").on(t.personId)],
);

/**
 * Append-only: an administrator names a team manager (of any team) who may sign off a
 * submitted assessment when no one else in the team can (the author is its only manager).
 */
export const assessmentSignOffReallocations = pgTable(
  "assessment_sign_off_reallocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    managerId: uuid("manager_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    reallocatedBy: uuid("reallocated_by")
      .notNull()
      .references(() => users.id),
    reallocatedAt: timestamp("reallocated_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("assessment_sign_off_reallocations_idx").on(t.assessmentId)],
);

/** What matters to the person, in their own words, and the need it mirrors. */
export const personalOutcomes = pgTable("personal_outcomes", {
  id: uuid("id").primaryKey().defaultRandom(),
  assessmentId: uuid("assessment_id")
    .notNull()
    .references(() => assessments.id),
  /** The assessment version this outcome belongs to. */
  version: integer("version").notNull().default(1),
  inOwnWords: text("in_own_words").notNull(),
  need: text("need").notNull(),
  /** Null only in a draft that has not chosen one yet. */
  nationalOutcome: text("national_outcome", { enum: NATIONAL_OUTCOMES }),
  /** The Talking Points personal outcome it is an instance of, e.g. "Seeing people". */
  talkingPoint: text("talking_point"),
});

/** Append-only: every saved version of an assessment, exactly as it was saved. */
export const assessmentVersions = pgTable(
  "assessment_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id),
    version: integer("version").notNull(),
    content: jsonb("content").$type<AssessmentContent>().notNull(),
    savedBy: uuid("saved_by")
      .notNull()
      .references(() => users.id),
    savedAt: timestamp("saved_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_versions_version_idx").on(t.assessmentId, t.version)],
);

/**
 * A carer's own assessment (Carers (Scotland) Act 2016), linked to the person they care for:
 * an adult carer support plan, or a young carer statement for a carer under 18 (or 18 and at school).
 */
export const carerAssessments = pgTable(
  "carer_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind", { enum: CARER_PLAN_KINDS }).notNull(),
    carerName: text("carer_name").notNull(),
    carerDateOfBirth: date("carer_date_of_birth", { mode: "string" }).notNull(),
    relationship: text("relationship").notNull(),
    caringRole: text("caring_role").notNull(),
    /** What the carer is willing and able to do: the limits of caring are theirs to set. */
    willingAndAble: text("willing_and_able").notNull().default(""),
    /** What matters to the carer, in their own words. */
    outcomes: text("outcomes").array().notNull(),
    supportNeeded: text("support_needed").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("carer_assessments_person_idx").on(t.personId)],
);
