import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";

// Issue 13, finding 1: two-step sign-in. Each test uses its own demo account, since turning
// two-step on changes how that account signs in (no cast here: managers are required below).

let cairn: Cairn;
let accounts: { email: string; role: string; description: string }[];
beforeAll(async () => {
  cairn = await startTestCairn();
  accounts = (await new TestUser(cairn).get("/api/demo/accounts")).body.accounts;
});
afterAll(() => cairn.close());

const emailOf = (role: string, nth = 0) => {
  const found = accounts.filter((a) => a.role === role)[nth];
  if (!found) throw new Error(`no demo ${role} ${nth}`);
  return found.email;
};

/** A code from the app, for a time step ahead of the last (a code is good once). */
const codeAt = (secret: string, stepsAhead = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** Signs in with the password alone, expecting the second step. */
async function passwordStep(email: string) {
  const user = new TestUser(cairn);
  const reply = await user.signIn(email);
  return { user, reply };
}

async function turnOn(email: string) {
  const user = new TestUser(cairn);
  expect((await user.signIn(email)).status).toBe(200);
  const setup = await user.post("/api/account/two-step/setup", {});
  expect(setup.status).toBe(200);
  expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Cairn:.*secret=/);
  return { user, secret: setup.body.secret as string };
}

describe("two-step sign-in", () => {
  it("is turned on only with a right code, and the secret is never shown again", async () => {
    const email = emailOf("finance-officer", 0);
    const { user, secret } = await turnOn(email);
    const wrong = await user.post("/api/account/two-step", { code: "000000" });
    expect(wrong.status).toBe(400);
    expect((await user.get("/api/account")).body.twoStep).toEqual({ on: false, required: false });
    const on = await user.post("/api/account/two-step", { code: await codeAt(secret) });
    expect(on.body).toEqual({ on: true });
    const mine = await user.get("/api/account");
    expect(mine.body).toEqual({
      email,
      displayName: expect.any(String),
      twoStep: { on: true, required: false },
    });
    expect(JSON.stringify(mine.body)).not.toContain(secret);
    expect((await user.post("/api/account/two-step/setup", {})).status).toBe(409);
    const admin = await demoUser(cairn, "administrator");
    const list = JSON.stringify((await admin.get("/api/users")).body);
    expect(list).not.toContain(secret);
  });

  it("then needs the code after the password: the password alone opens no session", async () => {
    const email = emailOf("finance-officer", 1);
    const { user: first, secret } = await turnOn(email);
    await first.post("/api/account/two-step", { code: await codeAt(secret, -1) });

    const { user, reply } = await passwordStep(email);
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({ twoStep: "code", challenge: expect.any(String) });
    expect(reply.headers["set-cookie"]).toBeUndefined();
    expect((await user.get("/api/session")).status).toBe(401);

    const bad = await user.post("/api/session/two-step", {
      challenge: reply.body.challenge,
      code: "123456",
    });
    expect(bad.status).toBe(401);
    expect(bad.headers["set-cookie"]).toBeUndefined();
    const code = await codeAt(secret);
    const good = await user.post("/api/session/two-step", {
      challenge: reply.body.challenge,
      code,
    });
    expect(good.status).toBe(200);
    expect(good.body.user.email).toBe(email);
    expect(String(good.headers["set-cookie"])).toMatch(/HttpOnly/);

    // A code works once: the same code for a new challenge is refused.
    const again = await passwordStep(email);
    const replay = await again.user.post("/api/session/two-step", {
      challenge: again.reply.body.challenge,
      code,
    });
    expect(replay.status).toBe(401);
    // A challenge is spent once answered.
    const reused = await user.post("/api/session/two-step", {
      challenge: reply.body.challenge,
      code: await codeAt(secret, 1),
    });
    expect(reused.status).toBe(401);
  });

  it("gives five tries of a challenge, then the password again", async () => {
    const email = emailOf("commissioner");
    const { user: first, secret } = await turnOn(email);
    await first.post("/api/account/two-step", { code: await codeAt(secret, -1) });
    const { user, reply } = await passwordStep(email);
    for (let i = 0; i < 5; i++) {
      const wrong = await user.post("/api/session/two-step", {
        challenge: reply.body.challenge,
        code: "000000",
      });
      expect(wrong.status).toBe(401);
    }
    const right = await user.post("/api/session/two-step", {
      challenge: reply.body.challenge,
      code: await codeAt(secret),
    });
    expect(right.status).toBe(401);
    expect(right.body.detail).toMatch(/Sign in again/);
  });

  it("can be reset by an administrator (a lost phone), and by no one else", async () => {
    const email = emailOf("social-worker", 2);
    const { user: first, secret } = await turnOn(email);
    await first.post("/api/account/two-step", { code: await codeAt(secret) });
    expect((await passwordStep(email)).reply.status).toBe(202);
    const admin = await demoUser(cairn, "administrator");
    const id = (await admin.get("/api/users")).body.users.find(
      (u: { email: string }) => u.email === email,
    ).id;
    const manager = await demoUser(cairn, "team-manager");
    expect((await manager.send("DELETE", `/api/users/${id}/two-step`)).status).toBe(403);
    expect((await admin.send("DELETE", `/api/users/${id}/two-step`)).status).toBe(204);
    expect((await passwordStep(email)).reply.status).toBe(200);
  });
});

describe("two-step required for roles that approve money", () => {
  it("makes those users set it up at their next sign-in, before any session", async () => {
    const admin = await demoUser(cairn, "administrator");
    const worker = await demoUser(cairn, "social-worker");
    expect(
      (await worker.send("PUT", "/api/two-step-requirement", { roles: ["team-manager"] })).status,
    ).toBe(403);
    const refused = await admin.send("PUT", "/api/two-step-requirement", {
      roles: ["supported-person"],
    });
    expect(refused.status).toBe(400);
    const set = await admin.send("PUT", "/api/two-step-requirement", {
      roles: ["team-manager", "finance-officer"],
    });
    expect(set.body).toEqual({
      roles: expect.arrayContaining(["team-manager", "finance-officer"]),
    });
    try {
      const email = emailOf("team-manager", 2);
      const { user, reply } = await passwordStep(email);
      expect(reply.status).toBe(202);
      expect(reply.body).toMatchObject({ twoStep: "setup", secret: expect.any(String) });
      expect(reply.body.otpauthUri).toContain(reply.body.secret);
      expect((await user.get("/api/session")).status).toBe(401);
      const done = await user.answerTwoStep(reply.body.challenge, await codeAt(reply.body.secret));
      expect(done.status).toBe(200);
      expect((await user.get("/api/account")).body.twoStep).toEqual({ on: true, required: true });
      // From now on: the code, and the secret is never given again.
      const next = await passwordStep(email);
      expect(next.reply.body).toEqual({ twoStep: "code", challenge: expect.any(String) });
    } finally {
      await admin.send("PUT", "/api/two-step-requirement", { roles: [] });
    }
  });
});
