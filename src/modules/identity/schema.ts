import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../platform/authorisation/roles";
import { teams } from "../organisation/schema";
import { providers } from "../providers/schema";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** Null until the owner sets it through a one-time link: such an account cannot sign in. */
    passwordHash: text("password_hash"),
    /** Social workers and team managers belong to a team; a manager sees the team's caseload. */
    teamId: uuid("team_id").references((): AnyPgColumn => teams.id),
    /** Provider staff act for exactly one provider. */
    providerId: uuid("provider_id").references((): AnyPgColumn => providers.id),
    isDemo: boolean("is_demo").notNull().default(false),
    /** The TOTP secret (base32), offered at setup, in use once a code proves it; never in a log. */
    twoStepSecret: text("two_step_secret"),
    /** Two-step sign-in is on: a right password alone opens no session. */
    twoStepOn: boolean("two_step_on").notNull().default(false),
    /** The last TOTP time step accepted, so a code is used once. */
    twoStepLastStep: bigint("two_step_last_step", { mode: "number" }),
    /** An administrator turned the account off: its sessions end and it cannot sign in. */
    disabledAt: timestamp("disabled_at", { mode: "string", withTimezone: true }),
    disabledReason: text("disabled_reason"),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  // A disabled account always says why.
  (t) => [
    check("users_disabled_reason", sql`(${t.disabledAt} is null) = (${t.disabledReason} is null)`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    /** How the owner names a session to sign it out (never the token nor its hash). */
    id: uuid("id").notNull().unique().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    /** The absolute end; an idle session ends sooner (IDLE_MINUTES after last_seen_at). */
    expiresAt: timestamp("expires_at", { mode: "string", withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    /** Where it was started from, shown to its owner in the list of their sessions. */
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Every sign-in attempt, kept for throttling and for the security record. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    /** The client's address; an IPv6 client's /64 network (throttleAddress). */
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_at_idx").on(t.email, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
  ],
);

/**
 * One-time links to set a password: the link holds a random token, the table only its SHA-256.
 * Using one deletes it (single use); a new link for an account deletes the older ones.
 */
export const passwordLinks = pgTable(
  "password_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** "new" (a new account), "reset" (a forgotten password) or "first-administrator". */
    purpose: text("purpose", { enum: ["new", "reset", "first-administrator"] }).notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { mode: "string", withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("password_links_user_idx").on(t.userId)],
);

/**
 * The step between a right password and a session, for an account with two-step sign-in (or
 * one that must set it up): a random token (only its SHA-256 kept), a few tries, minutes to live.
 */
export const twoStepChallenges = pgTable("two_step_challenges", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  /** The account must set two-step up now (its role requires it): the code proves the new secret. */
  setup: boolean("setup").notNull().default(false),
  triesLeft: integer("tries_left").notNull().default(5),
  expiresAt: timestamp("expires_at", { mode: "string", withTimezone: true }).notNull(),
});

/** The roles an administrator requires two-step sign-in for (a council setting). */
export const twoStepRequiredRoles = pgTable("two_step_required_roles", {
  role: text("role", { enum: ROLES }).primaryKey(),
  setBy: uuid("set_by").references(() => users.id),
  setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});
