import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";

let cairn: Cairn;
let localityId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  localityId = (await new TestUser(cairn).get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

const prepared = (over: object = {}) => ({
  givenName: "Euan",
  familyName: "Prepared",
  dateOfBirth: "1961-09-09",
  localityId,
  contact: "07700 900123",
  sentBy: "",
  whatMatters: "Getting to the football with my brother",
  whatIsNotWorking: "I can't manage the stairs any more",
  helpIHave: "My brother helps on Saturdays",
  choiceAndControl: "a-lot",
  ...over,
});
const count = async () =>
  Number(
    (await cairn.database.query<{ n: string }>("select count(*) as n from self_referrals"))[0]?.n,
  );

describe("preparing to talk to social work, without an account", () => {
  it("takes a self-referral from anyone, and audits it", async () => {
    const sent = await new TestUser(cairn).post("/api/self-referrals", prepared());
    expect(sent.status).toBe(201);
    expect(sent.body.reference).toMatch(/^[0-9A-F]{8}$/);
    const audit = await cairn.database.query(
      "select 1 from audit_log where resource_type = 'self-referral' and actor_role = 'public'",
    );
    expect(audit.length).toBe(1);
  });

  it.each([
    [{ whatMatters: "" }, "whatMatters"],
    [{ contact: " " }, "contact"],
    [{ dateOfBirth: "1961-13-01" }, "dateOfBirth"],
    [{ choiceAndControl: "total" }, "choiceAndControl"],
    [{ localityId: "00000000-0000-4000-8000-000000000000" }, "localityId"],
  ])("refuses %j with a field error and saves nothing", async (change, path) => {
    const before = await count();
    const reply = await new TestUser(cairn).post("/api/self-referrals", prepared(change));
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await count()).toBe(before);
  });

  it("lets social work staff take it on as a referral, once", async () => {
    await new TestUser(cairn).post(
      "/api/self-referrals",
      prepared({ givenName: "Kenny", sentBy: "His sister, Ann" }),
    );
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const waiting = (await worker.get("/api/self-referrals")).body.selfReferrals;
    const kenny = waiting.find((r: { givenName: string }) => r.givenName === "Kenny");
    expect(kenny.whatMatters).toBe("Getting to the football with my brother");
    const taken = await worker.post(`/api/self-referrals/${kenny.id}/acceptance`, {
      urgency: "soon",
      confirmedNew: true,
    });
    expect(taken.status).toBe(201);
    const record = (await worker.get(`/api/people/${taken.body.personId}`)).body;
    expect(record.referrals[0]).toMatchObject({ source: "family-or-carer", urgency: "soon" });
    expect(record.referrals[0].reason).toContain("Sent by His sister, Ann.");
    expect(record.referrals[0].reason).toContain("Wants a lot of choice and control.");
    const again = await worker.post(`/api/self-referrals/${kenny.id}/acceptance`, {
      urgency: "soon",
      confirmedNew: true,
    });
    expect(again.status).toBe(409);
    const left = (await worker.get("/api/self-referrals")).body.selfReferrals;
    expect(left.some((r: { id: string }) => r.id === kenny.id)).toBe(false);
    const provider = await demoUser(cairn, "provider-staff");
    expect((await provider.get("/api/self-referrals")).status).toBe(403);
  });
});

describe("possible duplicates", () => {
  it("audits the people a refusal shows as possible duplicates, though nothing is recorded", async () => {
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const familyName = `Matched${Date.now()}`;
    const referral = {
      person: { givenName: "Morag", familyName, dateOfBirth: "1948-02-02", localityId },
      source: "self",
      urgency: "routine",
      reason: "Asked for help at home",
    };
    const first = await worker.post("/api/referrals", referral);
    expect(first.status).toBe(201);
    const again = await worker.post("/api/referrals", {
      ...referral,
      person: { ...referral.person, givenName: "Mora" },
    });
    expect(again.status).toBe(409);
    const audit = await cairn.database.query(
      "select 1 from audit_log where action = 'match' and person_id = $1",
      [first.body.personId],
    );
    expect(audit.length).toBe(1);
  });
});
