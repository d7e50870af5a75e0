import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "./schema";
import { endAllSessions } from "./sessions";

/** The account with this email, if any. */
export async function userByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user ?? null;
}

/** Every account, by role and name (without anything secret), with whether it is turned off. */
export function listAccounts(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      disabledAt: users.disabledAt,
      disabledReason: users.disabledReason,
      passwordSet: sql<boolean>`${users.passwordHash} is not null`,
      twoStepOn: users.twoStepOn,
    })
    .from(users)
    .orderBy(users.role, users.displayName);
}

/** One account as an administrator sees it, or null. */
export async function findAccount(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  return user ?? null;
}

/**
 * Turns an account off: it is marked with the reason and every session it has ends at once
 * (the session check refuses a disabled account's cookie too). Returns the sessions ended.
 */
export async function disableAccount(db: Db, userId: string, reason: string) {
  await db
    .update(users)
    .set({ disabledAt: new Date().toISOString(), disabledReason: reason })
    .where(eq(users.id, userId));
  return endAllSessions(db, userId);
}

/** Turns an account back on: it may sign in again (no session comes back). */
export async function enableAccount(db: Db, userId: string) {
  await db
    .update(users)
    .set({ disabledAt: null, disabledReason: null })
    .where(eq(users.id, userId));
}
