import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser, tokenOf } from "../../testing/api";

// A link and a code are each good once, whatever arrives at the same moment: the database
// decides (the link's row is deleted as it is used; a code's time step is kept only if later
// than the last). On PostgreSQL the requests run on parallel connections.

let cairn: Cairn;
beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

describe("used once, under parallel requests", () => {
  it("sets a password with a link once, of ten requests at the same time", async () => {
    const admin = await demoUser(cairn, "administrator");
    const users = (await admin.get("/api/users")).body.users;
    const target = users.find((u: { role: string }) => u.role === "commissioner");
    const issued = await admin.post(`/api/users/${target.id}/password-link`, {});
    const token = tokenOf(issued.body.link);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        new TestUser(cairn).post("/api/set-password", {
          token,
          password: `parallel passphrase number ${i}`,
        }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(410)]);
    const winner = replies.findIndex((r) => r.status === 200);
    const signIn = await new TestUser(cairn).signIn(
      target.email,
      `parallel passphrase number ${winner}`,
    );
    expect(signIn.status).toBe(200);
  });

  it("accepts one code once, of ten answers at the same time to ten challenges", async () => {
    const email = (await demoUser(cairn, "finance-officer").then((u) => u.get("/api/session"))).body
      .user.email;
    const user = new TestUser(cairn);
    await user.signIn(email);
    const { secret } = (await user.post("/api/account/two-step/setup", {})).body;
    const now = Math.floor(Date.now() / 1000);
    await user.post("/api/account/two-step", { code: await generate({ secret, epoch: now - 30 }) });
    const challenges = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const reply = await new TestUser(cairn).signIn(email);
        expect(reply.status).toBe(202);
        return reply.body.challenge as string;
      }),
    );
    const code = await generate({ secret, epoch: now });
    const replies = await Promise.all(
      challenges.map((challenge) => new TestUser(cairn).answerTwoStep(challenge, code)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(401)]);
  });
});
