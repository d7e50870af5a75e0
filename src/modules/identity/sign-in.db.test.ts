import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../demo/accounts";
import type { Cairn } from "../../server";
import { startTestCairn, TestUser } from "../../testing/api";
import { hashPassword } from "./passwords";
import { DUMMY_PASSWORD_HASH } from "./sign-in";

// Sign-in throttling, held by the database: attempts are counted before the password is checked,
// under per-account and per-address locks, so a burst on many connections (PostgreSQL) is
// evaluated only as far as the limits allow. A wait, never a lockout; the same work for unknown
// emails; every attempt audited.

let cairn: Cairn;
let accounts: { email: string; role: string }[];
let lastAddress = 0;
/** A client address no test has used yet (each test is its own caller). */
const freshAddress = () => {
  lastAddress += 1;
  return `10.13.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
};
const emailOf = (role: string, index = 0) => {
  const account = accounts.filter((a) => a.role === role)[index];
  if (!account) throw new Error(`no demo ${role} ${index}`);
  return account.email;
};

beforeAll(async () => {
  cairn = await startTestCairn();
  accounts = (await new TestUser(cairn).get("/api/demo/accounts")).body.accounts;
});
afterAll(() => cairn.close());

type Detail = Record<string, unknown> & { outcome: string; retryAfterSeconds: number };
const sql = <T>(text: string, params: unknown[] = []) => cairn.database.query<T>(text, params);

async function signIn(email: string, password: string, address: string) {
  const res = await cairn.app.inject({
    method: "POST",
    url: "/api/session",
    payload: { email, password },
    remoteAddress: address,
  });
  return { status: res.statusCode, headers: res.headers, body: res.json() };
}

const statuses = (replies: { status: number }[]) => {
  const counts: Record<number, number> = {};
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
};

const evaluated = async (where: string, param: string) =>
  Number(
    (
      await sql<{ n: string }>(`select count(*) as n from login_attempts where ${where} = $1`, [
        param,
      ])
    )[0]?.n,
  );

describe("a burst of guesses at once (many connections on PostgreSQL)", () => {
  it("evaluates only five of 50 parallel guesses at one account from 50 addresses", async () => {
    const email = emailOf("commissioner");
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(email, `guess-${i}`, freshAddress())),
    );
    expect(statuses(replies)).toEqual({ 401: 5, 429: 45 });
    expect(await evaluated("email", email)).toBe(5);
    for (const refused of replies.filter((r) => r.status === 429)) {
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      expect(refused.headers["content-type"]).toMatch(/problem\+json/);
    }
  });

  it("evaluates only ten of 50 parallel guesses from one address at 50 emails", async () => {
    const address = freshAddress();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(`nobody-${i}@example.org`, "guess", address)),
    );
    expect(statuses(replies)).toEqual({ 401: 10, 429: 40 });
    expect(await evaluated("ip", address)).toBe(10);
  });
});

describe("the throttle slows guessing without keeping the owner out", () => {
  it("slows one address guessing at 100 emails one after another", async () => {
    const address = freshAddress();
    const replies = [];
    for (let i = 0; i < 100; i++)
      replies.push(await signIn(`someone-${i}@example.org`, "Password1", address));
    expect(statuses(replies)).toEqual({ 401: 10, 429: 90 });
  });

  it("counts an IPv6 client by its /64 network, not each address it takes", async () => {
    const replies = [];
    for (let i = 1; i <= 11; i++)
      replies.push(
        await signIn(`v6-${i}@example.org`, "guess", `2001:db8:13:7::${i.toString(16)}`),
      );
    expect(statuses(replies)).toEqual({ 401: 10, 429: 1 });
    expect(await evaluated("ip", "2001:db8:13:7::/64")).toBe(10);
  });

  it("makes the owner wait a moment after others' failures, then signs them in", async () => {
    const email = emailOf("finance-officer", 1);
    for (let i = 0; i < 5; i++)
      expect((await signIn(email, `wrong-${i}`, freshAddress())).status).toBe(401);
    const owner = freshAddress();
    const held = await signIn(email, DEMO_PASSWORD, owner);
    expect(held.status).toBe(429);
    expect(held.body.detail).toMatch(/Wait 15 seconds and try again/);
    expect(Number(held.headers["retry-after"])).toBeGreaterThanOrEqual(14);
    // Refusals while waiting are not failures: they do not lengthen the wait.
    for (let i = 0; i < 5; i++) expect((await signIn(email, "wrong", owner)).status).toBe(429);
    expect(await evaluated("email", email)).toBe(5);
    // Fifteen seconds on (the failures moved back rather than the test sleeping), it signs in.
    await sql(`update login_attempts set at = at - interval '15 seconds' where email = $1`, [
      email,
    ]);
    expect((await signIn(email, DEMO_PASSWORD, owner)).status).toBe(200);
  });

  it("holds an account a minute at most, however many failures from elsewhere", async () => {
    const email = emailOf("team-manager", 1);
    await sql(
      `insert into login_attempts (email, ip, succeeded)
         select $1, '10.99.0.' || (g % 250), false from generate_series(1, 500) g`,
      [email],
    );
    const held = await signIn(email, DEMO_PASSWORD, freshAddress());
    expect(held.status).toBe(429);
    expect(Number(held.headers["retry-after"])).toBe(60);
    // Once the last failure is a minute old, the right password signs in.
    await sql(`update login_attempts set at = at - interval '61 seconds' where email = $1`, [
      email,
    ]);
    expect((await signIn(email, DEMO_PASSWORD, freshAddress())).status).toBe(200);
  });

  it("lets the owner in from an address they signed in from, whatever others do", async () => {
    const email = emailOf("social-worker", 2);
    const desk = freshAddress();
    expect((await signIn(email, DEMO_PASSWORD, desk)).status).toBe(200);
    await sql(
      `insert into login_attempts (email, ip, succeeded)
         select $1, '10.98.0.' || (g % 250), false from generate_series(1, 200) g`,
      [email],
    );
    expect((await signIn(email, DEMO_PASSWORD, freshAddress())).status).toBe(429);
    expect((await signIn(email, DEMO_PASSWORD, desk)).status).toBe(200);
  });
});

describe("unknown emails", () => {
  it("checks them against a dummy hash made like every real one", async () => {
    const real = await hashPassword("any password at all");
    const params = (h: string) => h.split("$").slice(0, 4).join("$");
    expect(params(DUMMY_PASSWORD_HASH)).toBe(params(real));
  });

  it("take as long to refuse as a wrong password for a real account (medians within 2x)", async () => {
    const known = emailOf("administrator");
    const unknown = "no-such-account@example.org";
    const time = async (email: string) => {
      await sql("delete from login_attempts where email = $1", [email]);
      const started = performance.now();
      const reply = await signIn(email, "not the password", freshAddress());
      const took = performance.now() - started;
      expect(reply.status).toBe(401);
      return took;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      knownTimes.push(await time(known));
      unknownTimes.push(await time(unknown));
    }
    const ratio = median(knownTimes) / median(unknownTimes);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe("the security record", () => {
  it("audits sign-ins, failures and refusals, by account and address, never the password", async () => {
    const email = emailOf("finance-officer", 0);
    const address = freshAddress();
    const secret = "correct-horse-battery-staple-13";
    expect((await signIn(email, DEMO_PASSWORD, address)).status).toBe(200);
    for (let i = 0; i < 5; i++) await signIn(email, secret, freshAddress());
    expect((await signIn(email, secret, address)).status).toBe(401); // known address: evaluated
    await signIn("nobody-at-all@example.org", secret, address);
    const entries = await sql<{ actor_user_id: string | null; outcome: string; detail: Detail }>(
      `select actor_user_id, outcome, detail from audit_log
        where action = 'sign-in' and detail->>'email' in ($1, 'nobody-at-all@example.org')
        order by id`,
      [email],
    );
    const outcomes = entries.map((e) => e.detail.outcome);
    expect(outcomes[0]).toBe("signed-in");
    expect(outcomes.filter((o) => o === "wrong-password").length).toBeGreaterThanOrEqual(6);
    expect(entries.find((e) => e.detail.outcome === "signed-in")).toMatchObject({
      outcome: "allowed",
      detail: { ip: address },
    });
    expect(entries.at(-1)).toMatchObject({
      actor_user_id: null,
      outcome: "denied",
      detail: { email: "nobody-at-all@example.org", outcome: "wrong-password" },
    });
    const [{ n } = { n: "" }] = await sql<{ n: string }>(
      "select count(*) as n from audit_log where detail::text like $1",
      [`%${secret}%`],
    );
    expect(Number(n)).toBe(0);

    // A throttled attempt is audited too, with how long it was held.
    const blocked = freshAddress();
    for (let i = 0; i < 11; i++) await signIn(`x${i}@example.org`, secret, blocked);
    const [throttled] = await sql<{ detail: Detail }>(
      `select detail from audit_log where action = 'sign-in' and detail->>'ip' = $1
        and detail->>'outcome' = 'throttled'`,
      [blocked],
    );
    expect(throttled?.detail).toMatchObject({ scope: "address" });
    expect(throttled?.detail.retryAfterSeconds).toBeGreaterThanOrEqual(14);
  });
});
