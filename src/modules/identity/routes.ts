import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { Actor } from "../../platform/http/actor";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { Problem } from "../../platform/http/problem";
import {
  AccountStatusReply,
  Accounts,
  OwnSessions,
  SessionReply,
  SessionsEnded,
  TwoStepNeeded,
} from "./replies";
import { cannotDisable, cannotEnable } from "./rules";
import {
  endOtherSessions,
  endSession,
  endSessionById,
  findOwnSession,
  listOwnSessions,
  sessionCookieName,
  sessionCookieOptions,
} from "./sessions";
import { admitAttempt, attemptSucceeded, auditSignIn, checkPassword, openSession } from "./sign-in";
import { disableAccount, enableAccount, findAccount, listAccounts } from "./store";
import { waitInWords } from "./throttle";
import { secondStepAfterPassword } from "./two-step-store";

const SignIn = z.object({
  email: z.string().trim().toLowerCase().min(3, "Enter your email address").max(320),
  password: z.string().min(1, "Enter your password").max(1000),
});

const SessionParams = z.object({ sessionId: z.uuid("Not a session's id") });
const UserParams = z.object({ userId: z.uuid("Not an account's id") });
const AccountStatus = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("disabled"),
    reason: z
      .string()
      .trim()
      .min(1, "Say why the account is turned off")
      .max(500, "Keep the reason to 500 characters"),
  }),
  z.object({ status: z.literal("enabled") }),
]);

const toSessionUser = (actor: Actor) => ({
  id: actor.userId,
  email: actor.email,
  displayName: actor.displayName,
  role: actor.role,
  providerId: actor.providerId,
  personId: actor.personId,
});

/** The reply to a sign-in that opened a session: its cookie set, who is signed in, the CSRF token. */
export function signedIn(
  reply: FastifyReply,
  opened: { token: string; csrfToken: string; actor: Actor },
  secureCookies: boolean,
) {
  reply.setCookie(
    sessionCookieName(secureCookies),
    opened.token,
    sessionCookieOptions(secureCookies),
  );
  return { user: toSessionUser(opened.actor), csrfToken: opened.csrfToken };
}

export function identityRoutes(app: App, deps: RouteDeps) {
  const { secureCookies } = deps;
  const cookie = sessionCookieName(secureCookies);
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
    public: "signing in: anyone may try, throttled (429 with Retry-After), every attempt audited",
    run: async ({ db, body, request, reply }) => {
      const { email, password } = body;
      const ip = request.ip;
      // Counted before the password is looked at; refused while the throttle's wait runs.
      const admission = await admitAttempt(db, email, ip);
      if (!admission.allowed) {
        const { retryAfterSeconds, scope } = admission;
        await auditSignIn(db, {
          email,
          ip,
          user: null,
          outcome: "throttled",
          detail: { scope, retryAfterSeconds },
        });
        reply.header("retry-after", String(retryAfterSeconds));
        throw new Problem(
          429,
          "Too many attempts",
          `Too many failed sign-ins. Wait ${waitInWords(retryAfterSeconds)} and try again.`,
        );
      }
      const check = await checkPassword(db, email, password);
      if (!check.ok) {
        await auditSignIn(db, { email, ip, user: check.user, outcome: "wrong-password" });
        throw new Problem(401, "Not signed in", "That email and password do not match an account.");
      }
      const { user } = check;
      // Said only to whoever knows the password, so it tells no one else the account exists.
      if (user.disabledAt) {
        await auditSignIn(db, { email, ip, user, outcome: "disabled" });
        throw new Problem(
          403,
          "Account turned off",
          "This account has been turned off by the council. Ask the council's administrator if you think it should be on.",
        );
      }
      // A right password for an account with two-step opens no session: a challenge for the code.
      const secondStep = await secondStepAfterPassword(db, user);
      if (secondStep) {
        await attemptSucceeded(db, admission.attemptId);
        await auditSignIn(db, { email, ip, user, outcome: "two-step-needed" });
        return reply.code(202).send(secondStep);
      }
      const opened = await openSession(
        db,
        user.id,
        { ip, userAgent: request.headers["user-agent"] ?? null },
        { attemptId: admission.attemptId },
      );
      return signedIn(reply, opened, secureCookies);
    },
  });

  publicRoute(app, deps, {
    method: "DELETE",
    url: "/api/session",
    schema: { tags, summary: "Sign out" },
    public: "signing out ends only the session the caller's own cookie names",
    run: async ({ db, request, reply }) => {
      const token = request.cookies[cookie];
      if (token) await endSession(db, token);
      const { maxAge: _, ...options } = sessionCookieOptions(secureCookies);
      reply.clearCookie(cookie, options);
      return reply.code(204).send();
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/sessions",
    schema: {
      tags,
      summary: "Your own sessions: started, last used, from where, on what",
      response: { 200: OwnSessions },
    },
    access: { action: "list", resource: "session" },
    run: async ({ db, actor, request }) => ({
      sessions: await listOwnSessions(db, actor.userId, request.cookies[cookie]),
    }),
  });

  command(app, deps, {
    method: "DELETE",
    url: "/api/sessions/others",
    schema: {
      tags,
      summary: "Sign out of every other session of your own",
      response: { 200: SessionsEnded },
    },
    access: { action: "revoke", resource: "session" },
    run: async ({ db, actor, request, audit }) => {
      const ended = await endOtherSessions(db, actor.userId, request.cookies[cookie]);
      audit({ resourceId: actor.userId, detail: { others: true, ended } });
      return { ended };
    },
  });

  command(app, deps, {
    method: "DELETE",
    url: "/api/sessions/:sessionId",
    schema: {
      tags,
      summary: "Sign out one session of your own",
      params: SessionParams,
      response: { 200: SessionsEnded },
    },
    access: { action: "revoke", resource: "session" },
    find: async ({ db, actor, params }) => {
      const session = await findOwnSession(db, actor.userId, params.sessionId);
      if (!session) throw new Problem(404, "Not found", "You have no session with that id.");
      return { ...session, personId: null }; // about no one's record
    },
    run: async ({ db, found }) => {
      await endSessionById(db, found.id);
      return { ended: 1 };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/users",
    schema: { tags, summary: "Accounts (administrators)", response: { 200: Accounts } },
    access: { action: "list", resource: "user" },
    run: async ({ db }) => ({ users: await listAccounts(db) }),
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/users/:userId/status",
    schema: {
      tags,
      summary:
        "Turn an account off (with a reason; its sessions end at once and it cannot sign in) or on again",
      params: UserParams,
      body: AccountStatus,
      response: { 200: AccountStatusReply },
    },
    access: { action: "update", resource: "account-status" },
    find: async ({ db, params }) => {
      const account = await findAccount(db, params.userId);
      if (!account) throw new Problem(404, "Not found", "There is no account with that id.");
      return { ...account, personId: null }; // the account, not a person's record
    },
    guard: ({ found, body, actor }) =>
      body.status === "disabled" ? cannotDisable(found, actor.userId) : cannotEnable(found),
    run: async ({ db, found, body, audit }) => {
      if (body.status === "enabled") {
        await enableAccount(db, found.id);
        audit({ detail: { status: "enabled" } });
        return { id: found.id, disabled: false, sessionsEnded: 0 };
      }
      const sessionsEnded = await disableAccount(db, found.id, body.reason);
      audit({ detail: { status: "disabled", reason: body.reason, sessionsEnded } });
      return { id: found.id, disabled: true, sessionsEnded };
    },
  });
}
