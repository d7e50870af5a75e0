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
