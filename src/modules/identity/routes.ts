import { and, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "../../platform/authorisation/roles";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { Problem } from "../../platform/http/problem";
import { requireAccess } from "../people/access";
import { verifyPassword } from "./passwords";
import { loginAttempts, users } from "./schema";
import { createSession, endSession, findSession, SESSION_COOKIE, SESSION_HOURS } from "./sessions";
import { LOGIN_THROTTLE, loginThrottle } from "./throttle";

const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  providerId: z.uuid().nullable(),
  personId: z.uuid().nullable(),
});
const SessionResponse = z.object({ user: SessionUser, csrfToken: z.string() });
const SignIn = z.object({
  email: z.string().trim().toLowerCase().min(3, "Enter your email address").max(320),
  password: z.string().min(1, "Enter your password").max(1000),
});

const toSessionUser = (actor: Actor) => ({
  id: actor.userId,
  email: actor.email,
  displayName: actor.displayName,
  role: actor.role,
  providerId: actor.providerId,
  personId: actor.personId,
});

export function identityRoutes(app: App, { db, secureCookies }: RouteDeps) {
  const tags = ["Identity"];

  app.get(
    "/api/session",
    { schema: { tags, summary: "Who is signed in", response: { 200: SessionResponse } } },
    async (request) => ({
      user: toSessionUser(requireActor(request)),
      csrfToken: request.csrfToken ?? "",
    }),
  );

  app.post(
    "/api/session",
    { schema: { tags, summary: "Sign in", body: SignIn, response: { 200: SessionResponse } } },
    async (request, reply) => {
      const { email, password } = request.body;
      const throttle = loginThrottle(await recentFailures(email), new Date());
      if (!throttle.allowed) {
        reply.header("retry-after", String(throttle.retryAfterSeconds));
        const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
        throw new Problem(
          429,
          "Too many attempts",
          `Too many failed sign-ins. Try again in ${minutes} minutes.`,
        );
      }
      const [user] = await db.select().from(users).where(eq(users.email, email));
      const ok = user ? await verifyPassword(user.passwordHash, password) : false;
      await db.insert(loginAttempts).values({ email, ip: request.ip, succeeded: ok });
      if (!user || !ok)
        throw new Problem(401, "Not signed in", "That email and password do not match an account.");
      const { token, csrfToken } = await createSession(db, user.id);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      const session = await findSession(db, token);
      if (!session) throw new Error("a session just made could not be read back");
      return { user: toSessionUser(session.actor), csrfToken };
    },
  );

  app.delete("/api/session", { schema: { tags, summary: "Sign out" } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await endSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send();
  });

  app.get(
    "/api/users",
    {
      schema: {
        tags,
        summary: "Accounts (administrators)",
        response: {
          200: z.object({ users: z.array(SessionUser.omit({ providerId: true, personId: true })) }),
        },
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), { action: "list", resource: "user" });
      const rows = await db
        .select({
          id: users.id,
          email: users.email,
          displayName: users.displayName,
          role: users.role,
        })
        .from(users)
        .orderBy(users.role, users.displayName);
      return { users: rows };
    },
  );

  /** Failures since the last success, inside the throttle window. */
  async function recentFailures(email: string): Promise<Date[]> {
    const since = new Date(Date.now() - LOGIN_THROTTLE.windowSeconds * 1000).toISOString();
    const rows = await db
      .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.email, email), gt(loginAttempts.at, since)))
      .orderBy(desc(loginAttempts.at));
    const lastSuccess = rows.findIndex((r) => r.succeeded);
    return (lastSuccess === -1 ? rows : rows.slice(0, lastSuccess)).map((r) => new Date(r.at));
  }
}
