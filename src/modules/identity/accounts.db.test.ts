import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import {
  demoUser,
  OWN_PASSWORD,
  setOwnPassword,
  startTestCairn,
  TestUser,
  tokenOf,
} from "../../testing/api";
import { castOf } from "../../testing/cast";

// Issue 13, finding 1: no password passes through anyone but its owner.

let cairn: Cairn;
beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

// Each visitor signs in from an address of its own, as people do: the per-address throttle
// (finding 7) would otherwise slow this file's deliberate wrong passwords from one address.
let addresses = 0;
const elsewhere = () => {
  addresses += 1;
  return { address: `10.13.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}` };
};

let made = 0;
/** A new person on the cast worker's caseload, with no account yet. */
async function newPerson() {
  const { worker } = await castOf(cairn);
  made += 1;
  const familyName = `Owner${made}${Math.random().toString(36).slice(2, 7)}`;
  const { localities } = (await worker.get("/api/localities")).body;
  const referral = await worker.post("/api/referrals", {
    person: {
      givenName: "Isla",
      familyName,
      dateOfBirth: "1951-03-04",
      localityId: localities[0].id,
    },
    source: "gp",
    urgency: "soon",
    reason: "Falls at home",
    confirmedNew: true,
  });
  expect(referral.status).toBe(201);
  return {
    worker,
    personId: referral.body.personId as string,
    email: `${familyName.toLowerCase()}@example.org`,
  };
}

async function newAccount() {
  const { worker, personId, email } = await newPerson();
  const account = await worker.post(`/api/people/${personId}/accounts`, {
    kind: "person",
    email,
    displayName: "Isla Owner",
  });
  expect(account.status).toBe(201);
  return { worker, personId, email, account: account.body };
}

const signIn = (email: string, password: string) =>
  new TestUser(cairn, elsewhere()).signIn(email, password);

describe("a new account", () => {
  it("gives the worker a one-time link, never a password: the worker cannot sign in as the person", async () => {
    const { worker, email, account } = await newAccount();
    expect(Object.keys(account).sort()).toEqual(["email", "expiresAt", "link", "userId"]);
    expect(account.link).toMatch(/^\/set-password\?token=[\w-]{43}$/);
    const hours = (Date.parse(account.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Before the owner sets a password, nothing signs in as them: not empty, not a guess.
    for (const guess of ["", "x", OWN_PASSWORD, "cairn-demo"])
      expect((await signIn(email, guess)).status).not.toBe(200);

    expect((await setOwnPassword(cairn, account.link)).status).toBe(200);
    // The worker's copy of the link is spent: it cannot set the password again.
    const again = await setOwnPassword(cairn, account.link, "the worker's own choice of words");
    expect(again.status).toBe(410);
    expect((await signIn(email, "the worker's own choice of words")).status).toBe(401);
    const person = new TestUser(cairn, elsewhere());
    expect((await person.signIn(email, OWN_PASSWORD)).status).toBe(200);
    expect((await person.get("/api/session")).body.user.role).toBe("supported-person");
    // The set is audited as the owner's own act.
    const admin = await demoUser(cairn, "administrator");
    const entries = (await admin.get("/api/audit?limit=50")).body.entries;
    const set = entries.find(
      (e: { resourceType: string; resourceId: string }) =>
        e.resourceType === "password" && e.resourceId === account.userId,
    );
    expect(set).toMatchObject({ action: "update", actor: { id: account.userId } });
    void worker;
  });

  it("tells whose a link is, without using it", async () => {
    const { email, account } = await newAccount();
    const owner = await new TestUser(cairn, elsewhere()).post("/api/set-password/owner", {
      token: tokenOf(account.link),
    });
    expect(owner.body).toEqual({ email, displayName: "Isla Owner", purpose: "new" });
    expect((await setOwnPassword(cairn, account.link)).status).toBe(200);
    const spent = await new TestUser(cairn, elsewhere()).post("/api/set-password/owner", {
      token: tokenOf(account.link),
    });
    expect(spent.status).toBe(410);
  });

  it.each([
    ["too short", "short words", /at least 12/],
    ["a common password", "Password1234", /common/],
    ["the same character", "aaaaaaaaaaaaaaaa", /different characters/],
    ["the email", "EMAIL", /name or email/],
    ["too long", "x".repeat(129), /no more than 128/],
  ])("refuses a password that is %s, and the link still works", async (_what, password, why) => {
    const { email, account } = await newAccount();
    const refused = await setOwnPassword(
      cairn,
      account.link,
      password === "EMAIL" ? `${email.split("@")[0]}!` : password,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      { path: "password", message: expect.stringMatching(why) },
    ]);
    expect((await signIn(email, password)).status).toBe(401);
    expect((await setOwnPassword(cairn, account.link)).status).toBe(200);
  });

  it("takes a long passphrase of any characters, with no rules about kinds", async () => {
    const { email, account } = await newAccount();
    const passphrase = "ceòl agus òrain 🎶 ".repeat(6).trim();
    expect((await setOwnPassword(cairn, account.link, passphrase)).status).toBe(200);
    expect((await signIn(email, passphrase)).status).toBe(200);
  });

  it("stops a link that has expired", async () => {
    const { email, account } = await newAccount();
    await cairn.database.query(
      "update password_links set expires_at = now() - interval '1 second' where user_id = $1",
      [account.userId],
    );
    expect((await setOwnPassword(cairn, account.link)).status).toBe(410);
    expect((await signIn(email, OWN_PASSWORD)).status).toBe(401);
  });

  it("keeps only the link's SHA-256, never the token", async () => {
    const { account } = await newAccount();
    const rows = await cairn.database.query<{ token_hash: string }>(
      "select token_hash from password_links where user_id = $1",
      [account.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(account.link));
  });
});

describe("a new link from the worker", () => {
  it("replaces the older one, lives an hour, and ends the account's sessions once used", async () => {
    const { worker, personId, email, account } = await newAccount();
    await setOwnPassword(cairn, account.link);
    const person = new TestUser(cairn, elsewhere());
    expect((await person.signIn(email, OWN_PASSWORD)).status).toBe(200);

    const first = await worker.post(`/api/people/${personId}/password-links`, {});
    expect(first.status).toBe(201);
    const second = await worker.post(`/api/people/${personId}/password-links`, {});
    expect(second.body).toMatchObject({ userId: account.userId, email });
    const hours = (Date.parse(second.body.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(0.9);
    expect(hours).toBeLessThanOrEqual(1);
    expect((await setOwnPassword(cairn, first.body.link, "a newer password for me")).status).toBe(
      410,
    );
    expect((await setOwnPassword(cairn, second.body.link, "a newer password for me")).status).toBe(
      200,
    );
    // The reset signs no one in, and ends the sessions that were open.
    expect((await person.get("/api/session")).status).toBe(401);
    expect((await signIn(email, OWN_PASSWORD)).status).toBe(401);
    expect((await signIn(email, "a newer password for me")).status).toBe(200);
  });

  it("is only for a case holder, and for a representative's account too", async () => {
    const { worker, personId, account } = await newAccount();
    const rep = await worker.post(`/api/people/${personId}/accounts`, {
      kind: "representative",
      email: `rep.${account.email}`,
      displayName: "Ewan Owner",
      relationship: "son",
      authority: "welfare-power-of-attorney",
    });
    expect(rep.status).toBe(201);
    const record = await worker.get(`/api/people/${personId}`);
    const representativeId = record.body.representatives[0].id;
    const forRep = await worker.post(`/api/people/${personId}/password-links`, {
      representativeId,
    });
    expect(forRep.body).toMatchObject({ userId: rep.body.userId, email: `rep.${account.email}` });

    const other = await demoUser(cairn, "social-worker", "Dunfermline");
    expect((await other.post(`/api/people/${personId}/password-links`, {})).status).toBe(403);
    const stranger = await newPerson();
    const none = await stranger.worker.post(`/api/people/${stranger.personId}/password-links`, {});
    expect(none.status).toBe(404);
    expect((await worker.post(`/api/users/${account.userId}/password-link`, {})).status).toBe(403);
  });

  it("can come from an administrator, for any account", async () => {
    const { email, account } = await newAccount();
    const admin = await demoUser(cairn, "administrator");
    const issued = await admin.post(`/api/users/${account.userId}/password-link`, {});
    expect(issued.status).toBe(201);
    expect((await setOwnPassword(cairn, account.link)).status).toBe(410);
    expect((await setOwnPassword(cairn, issued.body.link)).status).toBe(200);
    expect((await signIn(email, OWN_PASSWORD)).status).toBe(200);
    const list = (await admin.get("/api/users")).body.users;
    expect(list.find((u: { id: string }) => u.id === account.userId)).toMatchObject({
      passwordSet: true,
      twoStepOn: false,
    });
  });
});

describe("changing one's own password", () => {
  it("needs the current one, and ends the account's other sessions", async () => {
    const { email, account } = await newAccount();
    await setOwnPassword(cairn, account.link);
    const here = new TestUser(cairn, elsewhere());
    const elsewhereUser = new TestUser(cairn, elsewhere());
    await here.signIn(email, OWN_PASSWORD);
    await elsewhereUser.signIn(email, OWN_PASSWORD);

    const wrong = await here.post("/api/account/password", {
      currentPassword: "not my password",
      newPassword: "a brand new passphrase",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { path: "currentPassword", message: "This is not your password" },
    ]);
    const weak = await here.post("/api/account/password", {
      currentPassword: OWN_PASSWORD,
      newPassword: "short",
    });
    expect(weak.body.errors[0].path).toBe("newPassword");
    expect((await elsewhereUser.get("/api/session")).status).toBe(200);

    const changed = await here.post("/api/account/password", {
      currentPassword: OWN_PASSWORD,
      newPassword: "a brand new passphrase",
    });
    expect(changed.body).toEqual({ otherSessionsEnded: 1 });
    expect((await here.get("/api/session")).status).toBe(200);
    expect((await elsewhereUser.get("/api/session")).status).toBe(401);
    expect((await signIn(email, OWN_PASSWORD)).status).toBe(401);
    expect((await signIn(email, "a brand new passphrase")).status).toBe(200);
  });
});

describe("a forgotten password", () => {
  it("gets the same answer whether or not the email has an account", async () => {
    const { email } = await newAccount();
    const known = await new TestUser(cairn, elsewhere()).post("/api/password-resets", { email });
    const unknown = await new TestUser(cairn, elsewhere()).post("/api/password-resets", {
      email: "no.one@example.org",
    });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    expect(known.body.message).toMatch(/ask your social worker/);
  });
});

describe("a staff account made by an administrator", () => {
  it("gives the administrator a link to hand over, never a password", async () => {
    const admin = await demoUser(cairn, "administrator");
    const email = `new.officer.${Math.random().toString(36).slice(2, 7)}@council.example`;
    const made = await admin.post("/api/users", {
      email,
      displayName: "New Officer",
      role: "finance-officer",
    });
    expect(made.status).toBe(201);
    expect(Object.keys(made.body).sort()).toEqual(["email", "expiresAt", "link", "userId"]);
    expect((await signIn(email, OWN_PASSWORD)).status).toBe(401);
    expect((await setOwnPassword(cairn, made.body.link)).status).toBe(200);
    const officer = new TestUser(cairn, elsewhere());
    expect((await officer.signIn(email, OWN_PASSWORD)).status).toBe(200);
    expect((await officer.get("/api/session")).body.user.role).toBe("finance-officer");

    const again = await admin.post("/api/users", {
      email,
      displayName: "Again",
      role: "commissioner",
    });
    expect(again.status).toBe(409);
    const noProvider = await admin.post("/api/users", {
      email: `x.${email}`,
      displayName: "Provider Person",
      role: "provider-staff",
    });
    expect(noProvider.body.errors).toEqual([
      { path: "providerId", message: "Choose the provider they work for" },
    ]);
    const worker = await demoUser(cairn, "social-worker");
    const refused = await worker.post("/api/users", {
      email: `y.${email}`,
      displayName: "Self Made",
      role: "administrator",
    });
    expect(refused.status).toBe(403);
  });
});
