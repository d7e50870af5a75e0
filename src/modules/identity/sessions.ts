import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { people } from "../people/schema";
import { sessions, users } from "./schema";

export const SESSION_COOKIE = "cairn_session";
export const SESSION_HOURS = 8;

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

export async function createSession(db: Db, userId: string) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000).toISOString();
  await db.insert(sessions).values({ tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, csrfToken };
}

export async function endSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** The actor behind a session cookie, or null if unknown or expired. */
export async function findSession(
  db: Db,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | null> {
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
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(people, eq(people.userId, users.id))
    .where(
      and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, new Date().toISOString())),
    );
  if (!row) return null;
  const { csrfToken, ...actor } = row;
  return { actor, csrfToken };
}
