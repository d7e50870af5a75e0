import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Role } from "../../platform/authorisation/roles";
import type { Db } from "../../platform/db/client";
import { conflict, invalid, Problem } from "../../platform/http/problem";
import type { TwoStepNeeded } from "./replies";
import { twoStepChallenges, twoStepRequiredRoles, users } from "./schema";
import { acceptedStep, newTwoStepSecret, otpauthUri } from "./two-step";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** Minutes between a right password and its code; tries of the code. */
const CHALLENGE_MINUTES = 5;

/** The roles an administrator requires two-step sign-in for. */
export async function requiredRoles(db: Db): Promise<Role[]> {
  const rows = await db.select({ role: twoStepRequiredRoles.role }).from(twoStepRequiredRoles);
  return rows.map((r) => r.role);
}

/** Sets the roles two-step sign-in is required for (in the caller's transaction). */
export async function setRequiredRoles(tx: Db, roles: Role[], by: string) {
  await tx.delete(twoStepRequiredRoles);
  if (roles.length)
    await tx.insert(twoStepRequiredRoles).values(roles.map((role) => ({ role, setBy: by })));
  return requiredRoles(tx);
}

/**
 * After a right password: null when a session may open now; otherwise the second step asked
 * for, with a challenge to answer (no session exists until it is). An account whose role
 * requires two-step and has none must set it up now: it is given a new secret to prove.
 */
export async function secondStepAfterPassword(
  db: Db,
  user: { id: string; email: string; role: Role; twoStepOn: boolean },
): Promise<TwoStepNeeded | null> {
  const required = (await requiredRoles(db)).includes(user.role);
  if (!user.twoStepOn && !required) return null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000).toISOString();
  const setup = !user.twoStepOn;
  // Challenges past their time go as new ones come.
  await db
    .delete(twoStepChallenges)
    .where(lt(twoStepChallenges.expiresAt, new Date().toISOString()));
  await db
    .insert(twoStepChallenges)
    .values({ tokenHash: sha256(token), userId: user.id, setup, expiresAt });
  if (!setup) return { twoStep: "code", challenge: token };
  const secret = newTwoStepSecret();
  await db.update(users).set({ twoStepSecret: secret }).where(eq(users.id, user.id));
  return { twoStep: "setup", challenge: token, secret, otpauthUri: otpauthUri(secret, user.email) };
}

const START_AGAIN = new Problem(
  401,
  "Not signed in",
  "Your sign-in took too long or had too many wrong codes. Sign in again.",
);

/**
 * Answers a challenge with a code: the account's id when right (the challenge is used up, the
 * code's time step kept so it works once, and two-step is on after a setup), or a problem. A
 * wrong code costs one of the challenge's tries, kept even though the answer is refused.
 */
export async function answerChallenge(db: Db, challenge: string, code: string): Promise<string> {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        userId: twoStepChallenges.userId,
        setup: twoStepChallenges.setup,
        triesLeft: twoStepChallenges.triesLeft,
        secret: users.twoStepSecret,
        lastStep: users.twoStepLastStep,
      })
      .from(twoStepChallenges)
      .innerJoin(users, eq(users.id, twoStepChallenges.userId))
      .where(
        and(
          eq(twoStepChallenges.tokenHash, sha256(challenge)),
          gt(twoStepChallenges.expiresAt, new Date().toISOString()),
        ),
      )
      .for("update", { of: twoStepChallenges });
    if (!row?.secret) return "start-again" as const;
    const step = await acceptedStep(row.secret, code, row.lastStep);
    const used = step === null ? [] : await keepStep(tx, row.userId, step, row.setup);
    if (used.length === 0) {
      if (row.triesLeft <= 1)
        await tx
          .delete(twoStepChallenges)
          .where(eq(twoStepChallenges.tokenHash, sha256(challenge)));
      else
        await tx
          .update(twoStepChallenges)
          .set({ triesLeft: row.triesLeft - 1 })
          .where(eq(twoStepChallenges.tokenHash, sha256(challenge)));
      return "wrong" as const;
    }
    await tx.delete(twoStepChallenges).where(eq(twoStepChallenges.tokenHash, sha256(challenge)));
    return { userId: row.userId };
  });
  if (outcome === "start-again") throw START_AGAIN;
  if (outcome === "wrong")
    throw new Problem(
      401,
      "Not signed in",
      "That code is not right. Try the code your app shows now.",
      [{ path: "code", message: "That code is not right" }],
    );
  return outcome.userId;
}

/**
 * Keeps a code's time step, only if it is later than the last one kept: of two requests with
 * the same code, one wins (the database decides).
 */
function keepStep(tx: Db, userId: string, step: number, turnOn: boolean) {
  return tx
    .update(users)
    .set({ twoStepLastStep: step, ...(turnOn ? { twoStepOn: true } : {}) })
    .where(
      and(eq(users.id, userId), or(isNull(users.twoStepLastStep), lt(users.twoStepLastStep, step))),
    )
    .returning({ id: users.id });
}

/** The signed-in owner starts setting up two-step: a new secret to put in their app. */
export async function startSetup(tx: Db, user: { userId: string; email: string }) {
  const [row] = await tx
    .select({ on: users.twoStepOn })
    .from(users)
    .where(eq(users.id, user.userId));
  if (row?.on) throw conflict("Two-step sign-in is already on.");
  const secret = newTwoStepSecret();
  await tx.update(users).set({ twoStepSecret: secret }).where(eq(users.id, user.userId));
  return { secret, otpauthUri: otpauthUri(secret, user.email) };
}

/** The owner proves the secret with a code from their app; two-step is then on. */
export async function finishSetup(tx: Db, userId: string, code: string) {
  const [row] = await tx
    .select({ on: users.twoStepOn, secret: users.twoStepSecret, lastStep: users.twoStepLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (row?.on) throw conflict("Two-step sign-in is already on.");
  if (!row?.secret) throw conflict("Start setting up two-step sign-in first.");
  const step = await acceptedStep(row.secret, code, row.lastStep);
  const used = step === null ? [] : await keepStep(tx, userId, step, true);
  if (used.length === 0) throw invalid([{ path: "code", message: "That code is not right" }]);
}

/** An administrator resets an account's two-step (a lost phone): off, secret gone. */
export async function resetTwoStep(tx: Db, userId: string) {
  const [row] = await tx
    .update(users)
    .set({ twoStepOn: false, twoStepSecret: null, twoStepLastStep: null })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  if (!row) throw new Problem(404, "Not found", "That account was not found.");
  await tx.delete(twoStepChallenges).where(eq(twoStepChallenges.userId, userId));
}

/** Whether two-step is on for an account, and whether its role requires it. */
export async function twoStepState(db: Db, userId: string, role: Role) {
  const [row] = await db.select({ on: users.twoStepOn }).from(users).where(eq(users.id, userId));
  return { on: row?.on ?? false, required: (await requiredRoles(db)).includes(role) };
}
