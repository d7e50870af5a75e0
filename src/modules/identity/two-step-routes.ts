import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { publicRoute } from "../../platform/http/command";
import { SessionReply } from "./replies";
import { signedIn } from "./routes";
import { openSession } from "./sign-in";
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
      const from = { ip: request.ip, userAgent: request.headers["user-agent"] ?? null };
      const opened = await openSession(db, userId, from, { detail: { twoStep: true } });
      return signedIn(reply, opened, deps.secureCookies);
    },
  });
}
