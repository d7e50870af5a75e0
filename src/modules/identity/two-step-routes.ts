import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { publicRoute } from "../../platform/http/command";
import { SessionReply } from "./replies";
import { createSession, findSession, sessionCookieName, sessionCookieOptions } from "./sessions";
import { auditSignIn } from "./sign-in";
import { answerChallenge } from "./two-step-store";

// The second step of signing in (issue 13, finding 1): POST /api/session answers a right
// password for an account with two-step with a challenge (202) and no session; this opens one.

export function twoStepRoutes(app: App, deps: RouteDeps) {
  publicRoute(app, deps, {
    method: "POST",
    url: "/api/session/two-step",
    schema: {
      tags: ["Identity"],
      summary:
        "Sign in, second step: the code from your app, for the challenge a right password gave",
      body: z.object({
        challenge: z.string().min(20, "Sign in again").max(100),
        code: z.string().trim().min(1, "Enter the code from your app").max(20),
      }),
      response: { 200: SessionReply },
    },
    public:
      "signing in: only the holder of a challenge (a right password, minutes ago) may answer it, five tries",
    run: async ({ db, body, reply, request }) => {
      const userId = await answerChallenge(db, body.challenge, body.code);
      const ip = request.ip;
      const { token, csrfToken } = await db.transaction(async (tx) => {
        const session = await createSession(tx, userId, {
          ip,
          userAgent: request.headers["user-agent"] ?? null,
        });
        const user = await findSession(tx, session.token);
        if (!user) throw new Error("a session just made could not be read back");
        await auditSignIn(tx, {
          email: user.actor.email,
          ip,
          user: { id: userId, role: user.actor.role },
          outcome: "signed-in",
          detail: { twoStep: true },
        });
        return session;
      });
      reply.setCookie(
        sessionCookieName(deps.secureCookies),
        token,
        sessionCookieOptions(deps.secureCookies),
      );
      const session = await findSession(db, token);
      if (!session) throw new Error("a session just made could not be read back");
      const { actor } = session;
      return {
        user: {
          id: actor.userId,
          email: actor.email,
          displayName: actor.displayName,
          role: actor.role,
          providerId: actor.providerId,
          personId: actor.personId,
        },
        csrfToken,
      };
    },
  });
}
