import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../server";
import { demoUser, startTestCairn, TestUser } from "../testing/api";

let cairn: Cairn;
beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

const auditCount = async (where: string) =>
  Number(
    (
      await cairn.database.query<{ n: string }>(
        `select count(*) as n from audit_log where ${where}`,
      )
    )[0]?.n,
  );

describe("who sees whom", () => {
  it("gives each social worker only their caseload, and refuses (and audits) the rest", async () => {
    const morag = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const ravi = await demoUser(cairn, "social-worker", "Dunfermline");
    const mine = (await morag.get("/api/people")).body.people;
    const his = (await ravi.get("/api/people")).body.people;
    expect(mine.length).toBeGreaterThan(0);
    expect(
      mine.every(
        (p: { allocatedWorker: { displayName: string } }) =>
          p.allocatedWorker.displayName === "Morag Henderson",
      ),
    ).toBe(true);
    const before = await auditCount(`outcome = 'denied' and person_id = '${his[0].id}'`);
    const refused = await morag.get(`/api/people/${his[0].id}`);
    expect(refused.status).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(await auditCount(`outcome = 'denied' and person_id = '${his[0].id}'`)).toBe(before + 1);
  });

  it("lets a team manager see the team's caseload and no other team's", async () => {
    const fiona = await demoUser(cairn, "team-manager", "Kirkcaldy");
    const ravi = await demoUser(cairn, "social-worker", "Dunfermline");
    const team = (await fiona.get("/api/people")).body.people;
    expect(team.length).toBeGreaterThan(0);
    expect((await fiona.get(`/api/people/${team[0].id}`)).status).toBe(200);
    const other = (await ravi.get("/api/people")).body.people[0];
    expect((await fiona.get(`/api/people/${other.id}`)).status).toBe(403);
  });

  it("lets a provider see only the people it supports or is asked to", async () => {
    const staff = await demoUser(cairn, "provider-staff");
    const supported = (await staff.get("/api/people")).body.people;
    expect(supported.length).toBeGreaterThan(0);
    expect(
      supported.every((p: { stage: string }) => ["active", "awaiting-provider"].includes(p.stage)),
    ).toBe(true);
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const caseload = (await worker.get("/api/people")).body.people;
    const stranger = caseload.find(
      (p: { id: string }) => !supported.some((s: { id: string }) => s.id === p.id),
    );
    expect((await staff.get(`/api/people/${stranger.id}`)).status).toBe(403);
  });

  it("lets a representative act for the person they represent, and no one else", async () => {
    const daughter = await demoUser(cairn, "representative");
    const [mother] = (await daughter.get("/api/people")).body.people;
    const record = await daughter.get(`/api/people/${mother.id}`);
    expect(record.status).toBe(200);
    expect(record.body.representatives[0].authority).toBe("welfare-power-of-attorney");
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const other = (await worker.get("/api/people")).body.people.find(
      (p: { id: string }) => p.id !== mother.id,
    );
    expect((await daughter.get(`/api/people/${other.id}`)).status).toBe(403);
    const { body: directory } = await daughter.get("/api/providers");
    const choice = await daughter.post(`/api/people/${mother.id}/provider-requests`, {
      option: "2",
      providerId: directory.providers[0].id,
      reason: "Mum knows them",
    });
    expect(choice.status).toBe(201);
    const self = await demoUser(cairn, "supported-person");
    expect((await self.get(`/api/people/${mother.id}`)).status).toBe(403);
  });

  it("audits every read of a record, with who and which record", async () => {
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const [person] = (await worker.get("/api/people")).body.people;
    const before = await auditCount(
      `action = 'read' and resource_id = '${person.id}' and outcome = 'allowed'`,
    );
    await worker.get(`/api/people/${person.id}`);
    const rows = await cairn.database.query<{ actor_role: string; actor_user_id: string }>(
      `select actor_role, actor_user_id from audit_log where action = 'read' and resource_id = '${person.id}' order by id desc limit 1`,
    );
    expect(
      await auditCount(`action = 'read' and resource_id = '${person.id}' and outcome = 'allowed'`),
    ).toBe(before + 1);
    expect(rows[0]?.actor_role).toBe("social-worker");
    const admin = await demoUser(cairn, "administrator");
    const log = (await admin.get(`/api/audit?personId=${person.id}`)).body.entries;
    expect(log[0]).toMatchObject({
      action: "read",
      personId: person.id,
      actor: { displayName: "Morag Henderson" },
    });
    expect((await worker.get("/api/audit")).status).toBe(403);
  });

  it("keeps the audit log append-only in the database itself", async () => {
    await expect(cairn.database.query("update audit_log set action = 'x'")).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(cairn.database.query("delete from audit_log")).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(cairn.database.query("delete from budget_entries")).rejects.toThrow(
      /append-only|permission denied/,
    );
  });
});

describe("sessions", () => {
  it("needs a session, and a CSRF token for every write", async () => {
    const anonymous = new TestUser(cairn);
    expect((await anonymous.get("/api/people")).status).toBe(401);
    const worker = await demoUser(cairn, "social-worker");
    const noToken = await worker.send("POST", "/api/referrals", {}, { "x-csrf-token": "wrong" });
    expect(noToken.status).toBe(403);
    expect(noToken.body.title).toMatch(/CSRF/);
    expect((await worker.send("DELETE", "/api/session")).status).toBe(204);
    expect((await worker.get("/api/people")).status).toBe(401);
  });

  it("sets an httpOnly, SameSite cookie and refuses wrong passwords", async () => {
    const user = new TestUser(cairn);
    const { body } = await user.get("/api/demo/accounts");
    const ok = await user.signIn(body.accounts[0].email);
    expect(String(ok.headers["set-cookie"])).toMatch(/HttpOnly/);
    expect(String(ok.headers["set-cookie"])).toMatch(/SameSite=Strict/);
    expect((await new TestUser(cairn).signIn(body.accounts[0].email, "nope")).status).toBe(401);
  });

  it("throttles an account after five failed sign-ins: even the right password waits its turn", async () => {
    const user = new TestUser(cairn);
    const { body } = await user.get("/api/demo/accounts");
    const email = body.accounts.find((a: { role: string }) => a.role === "commissioner").email;
    for (let i = 0; i < 5; i++) expect((await user.signIn(email, `wrong-${i}`)).status).toBe(401);
    const blocked = await user.signIn(email);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  });
});

describe("the API description", () => {
  it("publishes OpenAPI 3.1 and the docs page", async () => {
    const spec = await new TestUser(cairn).get("/api/openapi.json");
    expect(spec.body.openapi).toBe("3.1.0");
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(["/api/referrals", "/api/people/{personId}/budgets"]),
    );
    const docs = await cairn.app.inject({ method: "GET", url: "/docs" });
    expect([200, 302]).toContain(docs.statusCode);
  });
});
