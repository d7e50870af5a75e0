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
  users: z.array(SessionUser.omit({ providerId: true, personId: true })),
});
export type Accounts = z.infer<typeof Accounts>;

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
