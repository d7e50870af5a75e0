import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { loginAttempts, users } from "./schema";
import { LOGIN_THROTTLE } from "./throttle";

/** Failures since the last success, inside the throttle window. */
export async function recentFailures(db: Db, email: string): Promise<Date[]> {
  const since = new Date(Date.now() - LOGIN_THROTTLE.windowSeconds * 1000).toISOString();
  const rows = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at));
  const lastSuccess = rows.findIndex((r) => r.succeeded);
  return (lastSuccess === -1 ? rows : rows.slice(0, lastSuccess)).map((r) => new Date(r.at));
}

/** The account with this email, if any. */
export async function userByEmail(db: Db, email: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return user ?? null;
}

/** Every sign-in attempt is kept, for throttling and for the security record. */
export async function recordAttempt(
  db: Db,
  attempt: { email: string; ip: string; succeeded: boolean },
) {
  await db.insert(loginAttempts).values(attempt);
}

/** Every account, by role and name (without anything secret). */
export function listAccounts(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      passwordSet: sql<boolean>`${users.passwordHash} is not null`,
      twoStepOn: users.twoStepOn,
    })
    .from(users)
    .orderBy(users.role, users.displayName);
}
