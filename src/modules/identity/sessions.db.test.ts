import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../demo/accounts";
import { createTestDatabase } from "../../platform/db/testing";
import { assembleCairn, type Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";

// Sessions: an idle timeout beside the absolute lifetime, the __Host- cookie behind HTTPS, the
// owner's list of their sessions with signing out, and an administrator turning an account off.

let cairn: Cairn;
let accounts: { email: string; role: string; displayName: string }[];
let admin: TestUser;

beforeAll(async () => {
  cairn = await startTestCairn();
  accounts = (await new TestUser(cairn).get("/api/demo/accounts")).body.accounts;
  admin = await demoUser(cairn, "administrator");
});
afterAll(() => cairn.close());

const sql = <T>(text: string, params: unknown[] = []) => cairn.database.query<T>(text, params);
const emailOf = (role: string, index = 0) => {
  const account = accounts.filter((a) => a.role === role)[index];
  if (!account) throw new Error(`no demo ${role} ${index}`);
  return account.email;
};
const userIdOf = async (email: string) =>
  (await sql<{ id: string }>("select id from users where email = $1", [email]))[0]?.id ?? "";

/** Signs in as a browser would, from an address with a User-Agent. */
async function browser(email: string, userAgent: string, address: string) {
  const user = new TestUser(cairn, { address, userAgent });
  expect((await user.signIn(email)).status).toBe(200);
  return user;
}

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_PHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

describe("how long a session lasts", () => {
  it("ends a session idle for more than 30 minutes; a used one goes on", async () => {
    const worker = await demoUser(cairn, "social-worker");
    const idle = await demoUser(cairn, "social-worker");
    const sessionOf = async (user: TestUser) =>
      createHash("sha256")
        .update(user.cookieHeader.split("=")[1] ?? "")
        .digest("hex");
    await sql(
      "update sessions set last_seen_at = now() - interval '29 minutes' where token_hash = $1",
      [await sessionOf(worker)],
    );
    await sql(
      "update sessions set last_seen_at = now() - interval '31 minutes' where token_hash = $1",
      [await sessionOf(idle)],
    );
    expect((await worker.get("/api/session")).status).toBe(200);
    expect((await idle.get("/api/session")).status).toBe(401);
    // The request that found it live counted as use: the idle clock starts again.
    const [seen] = await sql<{ fresh: boolean }>(
      "select last_seen_at > now() - interval '1 minute' as fresh from sessions where token_hash = $1",
      [await sessionOf(worker)],
    );
    expect(seen?.fresh).toBe(true);
  });

  it("still ends every session at its absolute end, however busy", async () => {
    const worker = await demoUser(cairn, "social-worker");
    await sql("update sessions set expires_at = now() - interval '1 second' where user_id = $1", [
      (await worker.get("/api/session")).body.user.id,
    ]);
    expect((await worker.get("/api/session")).status).toBe(401);
  });
});

describe("the cookie behind HTTPS", () => {
  it("is __Host-cairn_session: Secure, Path=/, no Domain; the plain name is not read", async () => {
    const secure = await assembleCairn(await createTestDatabase(), {
      demo: true,
      secureCookies: true,
    });
    try {
      const { body } = await new TestUser(secure).get("/api/demo/accounts");
      const res = await secure.app.inject({
        method: "POST",
        url: "/api/session",
        payload: { email: body.accounts[0].email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode).toBe(200);
      const setCookie = String(res.headers["set-cookie"]);
      expect(setCookie).toMatch(/^__Host-cairn_session=/);
      expect(setCookie).toMatch(/; Secure/);
      expect(setCookie).toMatch(/; Path=\/(;|$)/);
      expect(setCookie).toMatch(/; HttpOnly/);
      expect(setCookie).toMatch(/; SameSite=Strict/);
      expect(setCookie).not.toMatch(/Domain=/i);
      const token = setCookie.split(";")[0]?.split("=")[1];
      const asked = (cookie: string) =>
        secure.app.inject({ method: "GET", url: "/api/session", headers: { cookie } });
      expect((await asked(`__Host-cairn_session=${token}`)).statusCode).toBe(200);
      expect((await asked(`cairn_session=${token}`)).statusCode).toBe(401);
      const out = await secure.app.inject({
        method: "DELETE",
        url: "/api/session",
        headers: { cookie: `__Host-cairn_session=${token}`, "x-csrf-token": res.json().csrfToken },
      });
      expect(out.statusCode).toBe(204);
      expect(String(out.headers["set-cookie"])).toMatch(/^__Host-cairn_session=;.*Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe("your own sessions", () => {
  it("lists them (started, last used, address, browser) and signs one or all others out", async () => {
    const email = emailOf("commissioner");
    const laptop = await browser(email, FIREFOX, "192.0.2.21");
    const phone = await browser(email, SAFARI_PHONE, "192.0.2.22");
    const third = await browser(email, FIREFOX, "192.0.2.23");
    const someoneElse = await demoUser(cairn, "finance-officer");

    const listed = await laptop.get("/api/sessions");
    expect(listed.status).toBe(200);
    const mine = listed.body.sessions;
    expect(mine).toHaveLength(3);
    expect(mine.filter((s: { current: boolean }) => s.current)).toEqual([
      expect.objectContaining({ ip: "192.0.2.21", device: "Firefox on Linux" }),
    ]);
    const onPhone = mine.find((s: { ip: string }) => s.ip === "192.0.2.22");
    expect(onPhone).toMatchObject({ device: "Safari on iPhone", current: false });
    expect(onPhone.startedAt).toBeTruthy();
    expect(onPhone.lastSeenAt).toBeTruthy();

    // No one signs out someone else's session: it is not theirs to find.
    expect((await someoneElse.send("DELETE", `/api/sessions/${onPhone.id}`)).status).toBe(404);
    expect((await phone.get("/api/session")).status).toBe(200);
    expect((await laptop.send("DELETE", `/api/sessions/${onPhone.id}`)).status).toBe(200);
    expect((await phone.get("/api/session")).status).toBe(401);

    const others = await laptop.send("DELETE", "/api/sessions/others");
    expect(others.body).toEqual({ ended: 1 });
    expect((await third.get("/api/session")).status).toBe(401);
    expect((await laptop.get("/api/session")).status).toBe(200);
    expect((await someoneElse.get("/api/session")).status).toBe(200);
    expect((await laptop.get("/api/sessions")).body.sessions).toHaveLength(1);

    const [audited] = await sql<{ n: string }>(
      `select count(*) as n from audit_log
        where action = 'revoke' and resource_type = 'session' and actor_user_id = $1`,
      [await userIdOf(email)],
    );
    expect(Number(audited?.n)).toBe(2);
  });
});

describe("an administrator turns an account off", () => {
  it("ends its sessions at once, refuses its sign-in plainly, and turns it on again", async () => {
    const email = emailOf("finance-officer", 1);
    const userId = await userIdOf(email);
    const desk = await browser(email, FIREFOX, "192.0.2.31");
    const home = await browser(email, SAFARI_PHONE, "192.0.2.32");

    const off = await admin.send("PUT", `/api/users/${userId}/status`, {
      status: "disabled",
      reason: "Left the council on 30 November",
    });
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ id: userId, disabled: true, sessionsEnded: 2 });
    expect((await desk.get("/api/session")).status).toBe(401);
    expect((await home.get("/api/sessions")).status).toBe(401);

    const refused = await new TestUser(cairn).signIn(email);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/turned off/);
    // A wrong password learns nothing: the same answer as for any wrong password.
    const wrong = await new TestUser(cairn).signIn(email, "not-the-password");
    expect(wrong.status).toBe(401);
    expect(wrong.body.detail).not.toMatch(/turned off/);

    const listed = (await admin.get("/api/users")).body.users.find(
      (u: { id: string }) => u.id === userId,
    );
    expect(listed).toMatchObject({ disabledReason: "Left the council on 30 November" });
    expect(listed.disabledAt).toBeTruthy();
    const [entry] = await sql<{ outcome: string; detail: Record<string, unknown> }>(
      `select outcome, detail from audit_log
        where resource_type = 'account-status' and resource_id = $1 order by id desc limit 1`,
      [userId],
    );
    expect(entry).toMatchObject({
      outcome: "allowed",
      detail: { status: "disabled", reason: "Left the council on 30 November", sessionsEnded: 2 },
    });

    expect(
      (await admin.send("PUT", `/api/users/${userId}/status`, { status: "enabled" })).body,
    ).toEqual({ id: userId, disabled: false, sessionsEnded: 0 });
    expect((await new TestUser(cairn).signIn(email)).status).toBe(200);
  });

  it("refuses a disabled account's cookie on its next request, even a session it kept", async () => {
    const email = emailOf("team-manager", 2);
    const user = await browser(email, FIREFOX, "192.0.2.41");
    await sql("update users set disabled_at = now(), disabled_reason = 'test' where email = $1", [
      email,
    ]);
    try {
      expect((await user.get("/api/session")).status).toBe(401);
    } finally {
      await sql("update users set disabled_at = null, disabled_reason = null where email = $1", [
        email,
      ]);
    }
  });

  it("needs a reason, an administrator, someone else's account, and a change", async () => {
    const email = emailOf("social-worker", 2);
    const userId = await userIdOf(email);
    const adminId = (await admin.get("/api/session")).body.user.id;
    const noReason = await admin.send("PUT", `/api/users/${userId}/status`, {
      status: "disabled",
      reason: "  ",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([
      expect.objectContaining({ path: "reason", message: "Say why the account is turned off" }),
    ]);
    const manager = await demoUser(cairn, "team-manager");
    const notAdmin = await manager.send("PUT", `/api/users/${userId}/status`, {
      status: "disabled",
      reason: "No",
    });
    expect(notAdmin.status).toBe(403);
    const self = await admin.send("PUT", `/api/users/${adminId}/status`, {
      status: "disabled",
      reason: "Testing",
    });
    expect(self.status).toBe(409);
    expect(self.body.detail).toMatch(/your own account/);
    const already = await admin.send("PUT", `/api/users/${userId}/status`, { status: "enabled" });
    expect(already.status).toBe(409);
    const unknown = await admin.send("PUT", `/api/users/${crypto.randomUUID()}/status`, {
      status: "enabled",
    });
    expect(unknown.status).toBe(404);
    const [{ n } = { n: "" }] = await sql<{ n: string }>(
      "select count(*) as n from users where disabled_at is not null",
    );
    expect(Number(n)).toBe(0);
  });
});
