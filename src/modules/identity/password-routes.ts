import { z } from "zod";
import { ROLES } from "../../platform/authorisation/roles";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { PASSWORD_MAX } from "./password-rules";
import {
  LinkOwner,
  OwnAccount,
  PasswordChanged,
  PasswordLink,
  TwoStepRequirement,
  TwoStepSetup,
} from "./replies";
import { SESSION_COOKIE } from "./sessions";
import {
  accountForLink,
  changePassword,
  issuePasswordLink,
  linkOwner,
  personAccountForLink,
  setPasswordWithLink,
} from "./set-password-store";
import {
  finishSetup,
  requiredRoles,
  resetTwoStep,
  setRequiredRoles,
  startSetup,
  twoStepState,
} from "./two-step-store";

// Passwords only their owner knows (issue 13, finding 1): one-time links to set one, handed
// over by the worker or administrator who made the account (Cairn sends no email: see README),
// the owner's own change, two-step sign-in, and what an administrator may reset.

const Token = z.string().trim().min(20, "This link is not complete").max(100);
// Long enough to refuse politely (the rule says how long), short enough not to hash a book.
const NewPassword = z.string().max(PASSWORD_MAX * 4, `Use no more than ${PASSWORD_MAX} characters`);
const Code = z.object({ code: z.string().trim().min(1, "Enter the code from your app").max(20) });
const UserParams = z.object({ userId: z.uuid("That is not an account's id") });
const PersonParams = z.object({ personId: z.uuid("That is not a person's id") });
const STAFF_ROLES = ROLES.filter((r) => r !== "supported-person" && r !== "representative");

export function passwordRoutes(app: App, deps: RouteDeps) {
  const tags = ["Identity"];

  publicRoute(app, deps, {
    method: "POST",
    url: "/api/set-password/owner",
    config: { rateLimit: { max: 60, timeWindow: "1 hour" } },
    schema: {
      tags,
      summary: "Whose a one-time set-password link is (410 once used, expired or replaced)",
      body: z.object({ token: Token }),
      response: { 200: LinkOwner },
    },
    public: "the holder of a one-time link learns whose account it sets a password for",
    run: async ({ db, body }) => {
      const { email, displayName, purpose } = await linkOwner(db, body.token);
      return { email, displayName, purpose };
    },
  });

  publicRoute(app, deps, {
    method: "POST",
    url: "/api/set-password",
    config: { rateLimit: { max: 60, timeWindow: "1 hour" } },
    schema: {
      tags,
      summary: "The owner sets their password with a one-time link (signs no one in)",
      body: z.object({ token: Token, password: NewPassword }),
      response: { 200: z.object({ email: z.string() }) },
    },
    public:
      "the holder of a one-time link sets that account's password, once; it ends the account's sessions and is audited",
    run: ({ db, body }) => setPasswordWithLink(db, body.token, body.password),
  });

  publicRoute(app, deps, {
    method: "POST",
    url: "/api/password-resets",
    config: { rateLimit: { max: 20, timeWindow: "1 hour" } },
    schema: {
      tags,
      summary:
        "Forgotten password: always the same answer, whether or not the email has an account",
      body: z.object({
        email: z.string().trim().toLowerCase().min(3, "Enter your email address").max(320),
      }),
      response: { 202: z.object({ message: z.string() }) },
    },
    public: "anyone may ask; the answer never says whether an account exists (rate limited)",
    run: ({ reply }) => {
      // No email is configured (Cairn sends none yet), so no link is made: a link no one
      // receives only waits to be found. The worker or an administrator issues one instead.
      reply.code(202);
      return { message: RESET_ANSWER };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/account",
    schema: {
      tags,
      summary: "Your own sign-in: two-step on or required",
      response: { 200: OwnAccount },
    },
    access: { action: "read", resource: "own-account" },
    run: async ({ db, actor }) => ({
      email: actor.email,
      displayName: actor.displayName,
      twoStep: await twoStepState(db, actor.userId, actor.role),
    }),
  });

  command(app, deps, {
    method: "POST",
    url: "/api/account/password",
    schema: {
      tags,
      summary:
        "Change your own password (the current one, and a new one); ends your other sessions",
      body: z.object({
        currentPassword: z.string().min(1, "Enter your current password").max(1000),
        newPassword: NewPassword,
      }),
      response: { 200: PasswordChanged },
    },
    access: { action: "update", resource: "own-account" },
    run: async ({ db, actor, body, request, audit }) => {
      const changed = await changePassword(db, actor, body, request.cookies[SESSION_COOKIE] ?? "");
      audit({ resourceId: actor.userId, detail: { changed: "password", ...changed } });
      return changed;
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/account/two-step/setup",
    schema: {
      tags,
      summary: "Start turning on two-step sign-in: the secret for your app, shown this once",
      response: { 200: TwoStepSetup },
    },
    access: { action: "update", resource: "own-account" },
    run: async ({ db, actor, audit }) => {
      audit({ resourceId: actor.userId, detail: { twoStep: "setup started" } });
      return startSetup(db, actor);
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/account/two-step",
    schema: {
      tags,
      summary: "Turn on two-step sign-in with a code from your app",
      body: Code,
      response: { 200: z.object({ on: z.literal(true) }) },
    },
    access: { action: "update", resource: "own-account" },
    run: async ({ db, actor, body, audit }) => {
      await finishSetup(db, actor.userId, body.code);
      audit({ resourceId: actor.userId, detail: { twoStep: "on" } });
      return { on: true as const };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/password-links",
    schema: {
      tags,
      summary:
        "A new one-time link for the person's own account or a representative's, to hand over (older links stop)",
      params: PersonParams,
      body: z.object({ representativeId: z.uuid("That is not a representative's id").optional() }),
      response: { 201: PasswordLink },
    },
    access: { action: "update", resource: "account" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    run: async ({ db, params, body, actor, audit }) => {
      const { id, email } = await personAccountForLink(db, params.personId, body.representativeId);
      const issued = await issuePasswordLink(db, id, "reset", actor.userId);
      audit({ resourceId: id, detail: { link: "reset" } });
      return { userId: id, email, ...issued };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/users/:userId/password-link",
    schema: {
      tags,
      summary: "A new one-time set-password link for any account, to hand over (administrators)",
      params: UserParams,
      response: { 201: PasswordLink },
    },
    access: { action: "update", resource: "user" },
    status: 201,
    run: async ({ db, params, actor, audit }) => {
      const { id, email } = await accountForLink(db, params.userId);
      const issued = await issuePasswordLink(db, id, "reset", actor.userId);
      audit({ resourceId: id, detail: { link: "reset" } });
      return { userId: id, email, ...issued };
    },
  });

  command(app, deps, {
    method: "DELETE",
    url: "/api/users/:userId/two-step",
    schema: {
      tags,
      summary: "Reset an account's two-step sign-in, e.g. a lost phone (administrators)",
      params: UserParams,
    },
    access: { action: "update", resource: "user" },
    run: async ({ db, params, reply, audit }) => {
      await resetTwoStep(db, params.userId);
      audit({ resourceId: params.userId, detail: { twoStep: "reset" } });
      reply.code(204);
      return null;
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/two-step-requirement",
    schema: {
      tags,
      summary: "The roles that must use two-step sign-in (a council setting)",
      response: { 200: TwoStepRequirement },
    },
    access: { action: "read", resource: "council-settings" },
    run: async ({ db }) => ({ roles: await requiredRoles(db) }),
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/two-step-requirement",
    schema: {
      tags,
      summary:
        "Require two-step sign-in for roles (e.g. those that approve money); they set it up at their next sign-in",
      body: z.object({ roles: z.array(z.enum(STAFF_ROLES, "Choose staff roles only")).max(8) }),
      response: { 200: TwoStepRequirement },
    },
    access: { action: "update", resource: "council-settings" },
    run: async ({ db, actor, body, audit }) => {
      const roles = await setRequiredRoles(db, [...new Set(body.roles)], actor.userId);
      audit({ detail: { twoStepRequiredFor: roles } });
      return { roles };
    },
  });
}

export const RESET_ANSWER =
  "If that email has a Cairn account, the council can give you a new link to set your password. " +
  "Cairn does not send email: ask your social worker, or contact the council, for a new link.";
