import { and, eq, gt, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/client";
import { verifyPassword } from "./passwords";
import { loginAttempts, users } from "./schema";
import { createSession, findSession } from "./sessions";
import {
  ACCOUNT_DELAY,
  ADDRESS_DELAY,
  type Failures,
  KNOWN_ADDRESS_DAYS,
  type SignInCounts,
  signInThrottle,
  throttleAddress,
} from "./throttle";

/**
 * A fixed argon2id hash (of a random password no one knows) with the same parameters as every
 * real one: an unknown email is checked against it, so it costs the same work as a known one.
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$Rz4AeA4vYXFWGvGtrdm8NA$2eXTA5LmG61uuAcv515J52+mt5YtKx1e3m3shoPUMp0";

// Advisory lock classes: one account's attempts, one address's attempts.
const ACCOUNT_LOCK = 7_301;
const ADDRESS_LOCK = 7_302;

const seconds = (s: number) => sql`make_interval(secs => ${s})`;

/** Evaluated failures in one scope since `since`, counted by the database at this statement. */
async function failures(db: Db, where: ReturnType<typeof and>): Promise<Failures> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      secondsSinceLast: sql<
        number | null
      >`greatest(0, extract(epoch from statement_timestamp() - max(${loginAttempts.at})))::float8`,
    })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.succeeded, false), where));
  return { count: row?.count ?? 0, secondsSinceLast: row?.secondsSinceLast ?? null };
}

async function signInCounts(db: Db, email: string, ip: string): Promise<SignInCounts> {
  const lastSuccess = sql`coalesce((select max(s.at) from login_attempts s
    where s.email = ${email} and s.succeeded), '-infinity'::timestamptz)`;
  const account = await failures(
    db,
    and(
      eq(loginAttempts.email, email),
      gt(loginAttempts.at, sql`statement_timestamp() - ${seconds(ACCOUNT_DELAY.windowSeconds)}`),
      gt(loginAttempts.at, lastSuccess),
    ),
  );
  const address = await failures(
    db,
    and(
      eq(loginAttempts.ip, ip),
      gt(loginAttempts.at, sql`statement_timestamp() - ${seconds(ADDRESS_DELAY.windowSeconds)}`),
    ),
  );
  const [known] = await db
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, true),
        gt(loginAttempts.at, sql`now() - ${seconds(KNOWN_ADDRESS_DAYS * 86_400)}`),
      ),
    )
    .limit(1);
  return { account, address, knownAddress: known !== undefined };
}

export type Admission =
  | { allowed: true; attemptId: number }
  | { allowed: false; retryAfterSeconds: number; scope: "account" | "address" };

/**
 * Counts a sign-in attempt BEFORE its password is checked, or refuses it (the throttle).
 * One transaction holds the account's and the address's advisory locks (always in that order,
 * so two attempts never wait on each other in a circle), counts their failures, and records
 * the attempt as a failure, which it stays unless the password proves right. So attempts racing
 * on many connections are decided one after another, each seeing the ones before it: a burst is
 * evaluated only as far as the limits allow. The password (argon2, slow) is checked after the
 * locks are let go.
 */
export function admitAttempt(db: Db, email: string, clientIp: string): Promise<Admission> {
  const ip = throttleAddress(clientIp);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK}, hashtext(${email}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${ip}))`);
    const decision = signInThrottle(await signInCounts(tx, email, ip));
    if (!decision.allowed) return decision;
    const [row] = await tx
      .insert(loginAttempts)
      // Stamped after the locks, so each attempt's time follows the one decided before it.
      .values({ email, ip, succeeded: false, at: sql`statement_timestamp()` })
      .returning({ id: loginAttempts.id });
    if (!row) throw new Error("a sign-in attempt was not recorded");
    return { allowed: true, attemptId: row.id };
  });
}

/** The attempt's password proved right (and the account may sign in). */
export async function attemptSucceeded(db: Db, attemptId: number) {
  await db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
}

export type PasswordCheck =
  | { ok: true; user: typeof users.$inferSelect }
  | { ok: false; user: typeof users.$inferSelect | null };

/** The account and whether the password is its own; the same argon2 work whether it exists or not. */
export async function checkPassword(
  db: Db,
  email: string,
  password: string,
): Promise<PasswordCheck> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  return user && ok ? { ok: true, user } : { ok: false, user: user ?? null };
}

export type SignInOutcome =
  | "signed-in"
  | "two-step-needed"
  | "wrong-password"
  | "throttled"
  | "disabled";

/**
 * The security record of a sign-in attempt, in the audit log: who (the account, when the email
 * names one), from where, and what happened. Never the password.
 */
export function auditSignIn(
  db: Db,
  attempt: {
    email: string;
    ip: string;
    user: { id: string; role: string } | null;
    outcome: SignInOutcome;
    detail?: Record<string, unknown>;
  },
) {
  return recordAudit(db, [
    {
      actorUserId: attempt.user?.id ?? null,
      actorRole: attempt.user?.role ?? "public",
      action: "sign-in",
      resourceType: "session",
      resourceId: null,
      personId: null,
      outcome: attempt.outcome === "signed-in" ? "allowed" : "denied",
      detail: { email: attempt.email, ip: attempt.ip, outcome: attempt.outcome, ...attempt.detail },
    },
  ]);
}

/**
 * Opens a session for someone who has proved who they are (the password, and the code where
 * two-step is on): the attempt marked a success, the sign-in audited, the session made and the
 * actor it serves read back, in one transaction. Sign-in and its second step both end here.
 */
export function openSession(
  db: Db,
  userId: string,
  from: { ip: string; userAgent: string | null },
  how: { attemptId?: number; detail?: Record<string, unknown> } = {},
) {
  return db.transaction(async (tx) => {
    if (how.attemptId !== undefined) await attemptSucceeded(tx, how.attemptId);
    const { token, csrfToken } = await createSession(tx, userId, from);
    const session = await findSession(tx, token);
    if (!session) throw new Error("a session just made could not be read back");
    const { actor } = session;
    await auditSignIn(tx, {
      email: actor.email,
      ip: from.ip,
      user: { id: actor.userId, role: actor.role },
      outcome: "signed-in",
      detail: how.detail,
    });
    return { token, csrfToken, actor };
  });
}
