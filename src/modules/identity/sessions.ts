import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { people } from "../people/schema";
import { sessions, users } from "./schema";
import { deviceSummary } from "./user-agent";

/**
 * The session cookie. Behind HTTPS (CAIRN_SECURE_COOKIES=1) it carries the `__Host-` prefix,
 * so browsers keep it only if it is Secure, Path=/ and has no Domain: no other host (a
 * subdomain) can set or overwrite it.
 */
export const SESSION_COOKIE = "cairn_session";
export const sessionCookieName = (secure: boolean) =>
  secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;

/** A session ends this long after it began, however busy. */
export const SESSION_HOURS = 8;
/** ... and sooner, once this long has passed with no request. */
export const IDLE_MINUTES = 30;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_SECONDS = 60;

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const minutes = (m: number) => sql`make_interval(mins => ${m})`;

/** The cookie's attributes: Path=/ and no Domain always (the `__Host-` prefix needs both). */
export const sessionCookieOptions = (secure: boolean) => ({
  path: "/",
  httpOnly: true,
  sameSite: "strict" as const,
  secure,
  maxAge: SESSION_HOURS * 3600,
});

export async function createSession(
  db: Db,
  userId: string,
  from: { ip: string; userAgent: string | null },
) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    expiresAt,
    ip: from.ip,
    userAgent: from.userAgent?.slice(0, 512) ?? null,
  });
  return { token, csrfToken };
}

export async function endSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** The session a cookie names is live: not past its end, not idle too long, its account on. */
const live = () =>
  and(
    gt(sessions.expiresAt, sql`now()`),
    gt(sessions.lastSeenAt, sql`now() - ${minutes(IDLE_MINUTES)}`),
    isNull(users.disabledAt),
  );

/**
 * The actor behind a session cookie, or null if unknown, ended, idle past IDLE_MINUTES or its
 * account disabled. A live session's last use is brought up to date (once a minute at most).
 */
export async function findSession(
  db: Db,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
      providerId: users.providerId,
      personId: people.id,
      csrfToken: sessions.csrfToken,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_SECONDS})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(people, eq(people.userId, users.id))
    .where(and(eq(sessions.tokenHash, tokenHash), live()));
  if (!row) return null;
  if (row.stale) {
    await db
      .update(sessions)
      .set({ lastSeenAt: sql`now()` })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const { csrfToken, stale: _stale, ...actor } = row;
  return { actor, csrfToken };
}

/** The caller's own live sessions, newest use first, the one they are using marked. */
export async function listOwnSessions(db: Db, userId: string, currentToken: string | undefined) {
  const current = currentToken ? sha256(currentToken) : "";
  const rows = await db
    .select({
      id: sessions.id,
      tokenHash: sessions.tokenHash,
      startedAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.userId, userId), live()))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map(({ tokenHash, userAgent, ...s }) => ({
    ...s,
    device: deviceSummary(userAgent),
    current: tokenHash === current,
  }));
}

/** One of the user's own sessions, by its id, or null (someone else's is not theirs to see). */
export async function findOwnSession(db: Db, userId: string, sessionId: string) {
  const [row] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  return row ?? null;
}

export async function endSessionById(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of the user but the one the current cookie names; how many ended. */
export async function endOtherSessions(db: Db, userId: string, currentToken: string | undefined) {
  const ended = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        currentToken ? ne(sessions.tokenHash, sha256(currentToken)) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** Ends every session of the user (their account was disabled); how many ended. */
export async function endAllSessions(db: Db, userId: string) {
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return ended.length;
}
