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

export const Accounts = z.object({
  users: z.array(
    SessionUser.omit({ providerId: true, personId: true }).extend({
      /** When an administrator turned the account off, and why; null while it is on. */
      disabledAt: z.string().nullable(),
      disabledReason: z.string().nullable(),
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
