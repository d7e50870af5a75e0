import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, ne } from "drizzle-orm";
import { recordAudit } from "../../platform/audit/audit";
import type { Db } from "../../platform/db/client";
import { invalid, notFound, Problem } from "../../platform/http/problem";
import { people, representatives } from "../people/schema";
import { type LinkPurpose, linkExpiry, passwordProblem } from "./password-rules";
import { hashPassword, verifyPassword } from "./passwords";
import { passwordLinks, sessions, users } from "./schema";

// Passwords only their owner knows: a one-time link to set one, a change, and what they end.

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** The page a link opens; the web makes it absolute with its own address. */
export const setPasswordPath = (token: string) => `/set-password?token=${token}`;

export interface IssuedLink {
  /** The path to hand over (or send): /set-password?token=... */
  link: string;
  expiresAt: string;
}

/**
 * A new one-time link for the account (in the caller's transaction): any older link of the
 * account stops working. Only the token's SHA-256 is kept; the link is shown once.
 */
export async function issuePasswordLink(
  tx: Db,
  userId: string,
  purpose: LinkPurpose,
  createdBy: string | null,
  now = new Date(),
): Promise<IssuedLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = linkExpiry(purpose, now);
  await tx.delete(passwordLinks).where(eq(passwordLinks.userId, userId));
  await tx
    .insert(passwordLinks)
    .values({ tokenHash: sha256(token), userId, purpose, createdBy, expiresAt });
  return { link: setPasswordPath(token), expiresAt };
}

const GONE = new Problem(
  410,
  "Link not working",
  "This link has been used, has expired, or was replaced by a newer one. Ask for a new link.",
);

/** Whose a live link is (for the page to greet them), or a 410 problem. */
export async function linkOwner(db: Db, token: string) {
  const [row] = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      purpose: passwordLinks.purpose,
    })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(
      and(
        eq(passwordLinks.tokenHash, sha256(token)),
        gt(passwordLinks.expiresAt, new Date().toISOString()),
      ),
    );
  if (!row) throw GONE;
  return row;
}

/**
 * Sets the password a live link is for, once: the link is deleted as it is used (so of two
 * requests with it, one wins), every session of the account ends, and the change is audited.
 * It signs no one in. A password that will not do is a 400 and the link still works.
 */
export async function setPasswordWithLink(db: Db, token: string, password: string) {
  const owner = await linkOwner(db, token);
  const problem = passwordProblem(password, owner);
  if (problem) throw invalid([{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .delete(passwordLinks)
      .where(
        and(
          eq(passwordLinks.tokenHash, sha256(token)),
          gt(passwordLinks.expiresAt, new Date().toISOString()),
        ),
      )
      .returning({ userId: passwordLinks.userId, purpose: passwordLinks.purpose });
    if (!used) throw GONE;
    await tx.update(users).set({ passwordHash }).where(eq(users.id, used.userId));
    await tx.delete(sessions).where(eq(sessions.userId, used.userId));
    await recordAudit(tx, [
      {
        actorUserId: used.userId,
        actorRole: owner.role,
        action: "update",
        resourceType: "password",
        resourceId: used.userId,
        outcome: "allowed",
        detail: { with: "one-time link", purpose: used.purpose },
      },
    ]);
    return { email: owner.email };
  });
}

/**
 * The signed-in owner changes their password: the current one must be right; every other
 * session of the account ends (the one making the change stays).
 */
export async function changePassword(
  tx: Db,
  user: { userId: string; email: string; displayName: string },
  change: { currentPassword: string; newPassword: string },
  sessionToken: string,
) {
  const [row] = await tx
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.userId));
  const right = row?.passwordHash
    ? await verifyPassword(row.passwordHash, change.currentPassword)
    : false;
  if (!right) throw invalid([{ path: "currentPassword", message: "This is not your password" }]);
  const problem = passwordProblem(change.newPassword, user);
  if (problem) throw invalid([{ path: "newPassword", message: problem }]);
  const passwordHash = await hashPassword(change.newPassword);
  await tx.update(users).set({ passwordHash }).where(eq(users.id, user.userId));
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, user.userId), ne(sessions.tokenHash, sha256(sessionToken))))
    .returning({ userId: sessions.userId });
  // An old link could otherwise set the password again behind the owner's back.
  await tx.delete(passwordLinks).where(eq(passwordLinks.userId, user.userId));
  return { otherSessionsEnded: ended.length };
}

/** Any account, for an administrator's link, or a 404 problem. */
export async function accountForLink(db: Db, userId: string) {
  const [account] = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!account) throw notFound("That account");
  return account;
}

/**
 * The person's own account, or one of their representatives' (by the representative's id):
 * the accounts a case holder may give a new link. A 404 problem when there is none.
 */
export async function personAccountForLink(db: Db, personId: string, representativeId?: string) {
  const [account] = representativeId
    ? await db
        .select({ id: users.id, email: users.email })
        .from(representatives)
        .innerJoin(users, eq(users.id, representatives.userId))
        .where(
          and(eq(representatives.personId, personId), eq(representatives.id, representativeId)),
        )
    : await db
        .select({ id: users.id, email: users.email })
        .from(people)
        .innerJoin(users, eq(users.id, people.userId))
        .where(eq(people.id, personId));
  if (!account)
    throw notFound(representativeId ? "That representative's account" : "The person's own account");
  return account;
}
