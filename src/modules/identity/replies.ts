import { z } from "zod";
import { ROLES } from "../../platform/authorisation/roles";

// The shapes the identity routes return: the reply schemas and the web's types.

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  providerId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionReply = z.object({ user: SessionUser, csrfToken: z.string() });
export type SessionReply = z.infer<typeof SessionReply>;

/**
 * A right password for an account with two-step sign-in: no session yet. `code` asks for the
 * code from the owner's app; `setup` (the role requires two-step and it is not on) gives the
 * secret to put in the app first, the only time it is ever shown.
 */
export const TwoStepNeeded = z.object({
  twoStep: z.enum(["code", "setup"]),
  challenge: z.string(),
  secret: z.string().optional(),
  otpauthUri: z.string().optional(),
});
export type TwoStepNeeded = z.infer<typeof TwoStepNeeded>;

export const TwoStepSetup = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TwoStepSetup = z.infer<typeof TwoStepSetup>;

/** The signed-in owner's account: what they can change about their own sign-in. */
export const OwnAccount = z.object({
  email: z.string(),
  displayName: z.string(),
  twoStep: z.object({ on: z.boolean(), required: z.boolean() }),
});
export type OwnAccount = z.infer<typeof OwnAccount>;

export const PasswordChanged = z.object({ otherSessionsEnded: z.number().int() });
export type PasswordChanged = z.infer<typeof PasswordChanged>;

/** A one-time link to set a password, to hand over: shown once, never stored as it is. */
export const PasswordLink = z.object({
  userId: z.uuid(),
  email: z.string(),
  link: z.string(),
  expiresAt: z.string(),
});
export type PasswordLink = z.infer<typeof PasswordLink>;

/** Whose a set-password link is, for its page to greet them. */
export const LinkOwner = z.object({
  email: z.string(),
  displayName: z.string(),
  purpose: z.enum(["new", "reset", "first-administrator"]),
});
export type LinkOwner = z.infer<typeof LinkOwner>;

export const TwoStepRequirement = z.object({ roles: z.array(z.enum(ROLES)) });
export type TwoStepRequirement = z.infer<typeof TwoStepRequirement>;

export const Accounts = z.object({
  users: z.array(
    SessionUser.omit({ providerId: true, personId: true }).extend({
      /** When an administrator turned the account off, and why; null while it is on. */
      disabledAt: z.string().nullable(),
      disabledReason: z.string().nullable(),
      passwordSet: z.boolean(),
      twoStepOn: z.boolean(),
    }),
  ),
});
export type Accounts = z.infer<typeof Accounts>;
export type Account = Accounts["users"][number];

/** An account turned off or on. */
export const AccountStatusReply = z.object({
  id: z.uuid(),
  disabled: z.boolean(),
  /** Sessions ended by turning it off. */
  sessionsEnded: z.number().int(),
});
export type AccountStatusReply = z.infer<typeof AccountStatusReply>;

/** The caller's own live sessions. */
export const OwnSessions = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      startedAt: z.string(),
      lastSeenAt: z.string(),
      ip: z.string().nullable(),
      /** The browser and system in a few words, from its User-Agent. */
      device: z.string(),
      /** The session this request came in. */
      current: z.boolean(),
    }),
  ),
});
export type OwnSessions = z.infer<typeof OwnSessions>;
export type OwnSession = OwnSessions["sessions"][number];

export const SessionsEnded = z.object({ ended: z.number().int() });
export type SessionsEnded = z.infer<typeof SessionsEnded>;

export const AuditEntries = z.object({
  entries: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
      actorRole: z.string(),
      action: z.string(),
      resourceType: z.string(),
      resourceId: z.string().nullable(),
      personId: z.uuid().nullable(),
      outcome: z.string(),
    }),
  ),
});
export type AuditEntries = z.infer<typeof AuditEntries>;
export type AuditEntry = AuditEntries["entries"][number];

export const Teams = z.object({ teams: z.array(z.object({ id: z.uuid(), name: z.string() })) });
export type Teams = z.infer<typeof Teams>;
