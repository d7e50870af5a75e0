import { z } from "zod";
import type { Actor } from "../../platform/http/actor";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { Problem } from "../../platform/http/problem";
import { verifyPassword } from "./passwords";
import { Accounts, SessionReply, TwoStepNeeded } from "./replies";
import { createSession, endSession, findSession, SESSION_COOKIE, SESSION_HOURS } from "./sessions";
import { listAccounts, recentFailures, recordAttempt, userByEmail } from "./store";
import { loginThrottle } from "./throttle";
import { secondStepAfterPassword } from "./two-step-store";

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

export function identityRoutes(app: App, deps: RouteDeps) {
  const { secureCookies } = deps;
  const tags = ["Identity"];

  // Public in the sense that it reads no one's record: it tells the caller who they are
  // (the web asks it before anyone signs in), and 401 says no one is.
  publicRoute(app, deps, {
    method: "GET",
    url: "/api/session",
    schema: { tags, summary: "Who is signed in", response: { 200: SessionReply } },
    public: "the caller's own session: who they are, or 401 when no one is signed in",
    run: ({ actor, request }) => {
      if (!actor) throw new Problem(401, "Sign in needed", "Sign in to use this.");
      return { user: toSessionUser(actor), csrfToken: request.csrfToken ?? "" };
    },
  });

  publicRoute(app, deps, {
    method: "POST",
    url: "/api/session",
    schema: {
      tags,
      summary: "Sign in (202: a right password, and the second step is needed)",
      body: SignIn,
      response: { 200: SessionReply, 202: TwoStepNeeded },
    },
    public: "signing in: anyone may try, throttled, and every attempt is kept",
    run: async ({ db, body, request, reply }) => {
      const { email, password } = body;
      const throttle = loginThrottle(await recentFailures(db, email), new Date());
      if (!throttle.allowed) {
        reply.header("retry-after", String(throttle.retryAfterSeconds));
        const minutes = Math.ceil(throttle.retryAfterSeconds / 60);
        throw new Problem(
          429,
          "Too many attempts",
          `Too many failed sign-ins. Try again in ${minutes} minutes.`,
        );
      }
      const user = await userByEmail(db, email);
      // An account whose owner never set a password (only a link was made) cannot sign in.
      const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
      await recordAttempt(db, { email, ip: request.ip, succeeded: ok });
      if (!user || !ok)
        throw new Problem(401, "Not signed in", "That email and password do not match an account.");
      const secondStep = await secondStepAfterPassword(db, user);
      if (secondStep) return reply.code(202).send(secondStep); // no session until the code
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
  });

  publicRoute(app, deps, {
    method: "DELETE",
    url: "/api/session",
    schema: { tags, summary: "Sign out" },
    public: "signing out ends only the session the caller's own cookie names",
    run: async ({ db, request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/users",
    schema: { tags, summary: "Accounts (administrators)", response: { 200: Accounts } },
    access: { action: "list", resource: "user" },
    run: async ({ db }) => ({ users: await listAccounts(db) }),
  });
}
