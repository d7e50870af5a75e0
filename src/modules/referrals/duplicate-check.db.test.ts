import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Issue 13, finding 15: a new referral's duplicate check shows a worker the details only of
// matches on their own caseload; of anyone else, only that a possible match exists, which a
// team manager of their team (or an administrator) checks.

let cairn: Cairn;
let kirkcaldy: TestUser;
let dunfermline: TestUser;
let dunfermlineManager: TestUser;
let kirkcaldyManager: TestUser;
let localityId: string;

beforeAll(async () => {
  cairn = await startTestCairn();
  kirkcaldy = await demoUser(cairn, "social-worker", "Kirkcaldy");
  dunfermline = await demoUser(cairn, "social-worker", "Dunfermline");
  dunfermlineManager = await demoUser(cairn, "team-manager", "Dunfermline");
  kirkcaldyManager = await demoUser(cairn, "team-manager", "Kirkcaldy");
  localityId = (await kirkcaldy.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

let made = 0;
/** A person recorded by the Kirkcaldy worker, and a referral for someone like them. */
async function recordedElsewhere() {
  const familyName = `Duplicate${Date.now()}x${made}`;
  // Each its own date of birth, so no two tests' people match each other.
  const dateOfBirth = `1948-02-${String(10 + made++).padStart(2, "0")}`;
  const referral = {
    person: { givenName: "Morag", familyName, dateOfBirth, localityId },
    source: "gp",
    urgency: "routine",
    reason: "Falls at home",
  };
  const first = await kirkcaldy.post("/api/referrals", referral);
  expect(first.status).toBe(201);
  const similar = { ...referral, person: { ...referral.person, givenName: "Mora" } };
  return { existingId: first.body.personId as string, familyName, dateOfBirth, similar };
}

describe("the duplicate check of a new referral", () => {
  it("tells a worker only that someone outside their caseload may match, and audits it", async () => {
    const { existingId, familyName, dateOfBirth, similar } = await recordedElsewhere();
    const reply = await dunfermline.post("/api/referrals", similar);
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ possibleMatches: 1, otherMatches: 1, matches: [] });
    expect(JSON.stringify(reply.body)).not.toContain(familyName);
    expect(JSON.stringify(reply.body)).not.toContain(dateOfBirth);
    const audit = await cairn.database.query<{ detail: { shown?: string } }>(
      "select detail from audit_log where action = 'match' and person_id = $1",
      [existingId],
    );
    expect(audit.map((a) => a.detail.shown)).toContain("that a possible match exists");
    // On the worker's own caseload, the details are shown as before.
    const own = await kirkcaldy.post("/api/referrals", similar);
    expect(own.status).toBe(409);
    expect(own.body.matches).toEqual([
      expect.objectContaining({ id: existingId, familyName, dateOfBirth }),
    ]);
  });

  it("is asked by the worker; their team's manager sees who and links the same person", async () => {
    const { existingId, familyName, dateOfBirth, similar } = await recordedElsewhere();
    const asked = await dunfermline.post("/api/duplicate-checks", similar);
    expect(asked.status).toBe(201);
    const { checkId } = asked.body;
    // Another team's manager neither sees nor decides it.
    const elsewhere = (await kirkcaldyManager.get("/api/duplicate-checks")).body.checks;
    expect(elsewhere.map((c: { id: string }) => c.id)).not.toContain(checkId);
    const refused = await kirkcaldyManager.post(`/api/duplicate-checks/${checkId}/decision`, {
      decision: "different-person",
    });
    expect(refused.status).toBe(403);
    expect((await dunfermline.get("/api/duplicate-checks")).status).toBe(403);

    const open = (await dunfermlineManager.get("/api/duplicate-checks")).body.checks;
    const check = open.find((c: { id: string }) => c.id === checkId);
    expect(check.matches).toEqual([
      expect.objectContaining({ id: existingId, familyName, dateOfBirth }),
    ]);
    const audited = await cairn.database.query(
      "select 1 from audit_log where action = 'list' and resource_type = 'duplicate-check' and person_id = $1",
      [existingId],
    );
    expect(audited.length).toBeGreaterThan(0);

    const wrong = await dunfermlineManager.post(`/api/duplicate-checks/${checkId}/decision`, {
      decision: "same-person",
      personId: "00000000-0000-4000-8000-000000000000",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe("personId");
    const linked = await dunfermlineManager.post(`/api/duplicate-checks/${checkId}/decision`, {
      decision: "same-person",
      personId: existingId,
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ decision: "same-person", personId: existingId });
    const referrals = await cairn.database.query("select 1 from referrals where person_id = $1", [
      existingId,
    ]);
    expect(referrals.length).toBe(2);
    const again = await dunfermlineManager.post(`/api/duplicate-checks/${checkId}/decision`, {
      decision: "different-person",
    });
    expect(again.status).toBe(409);
  });

  it("records someone new, held by the worker who asked, when the manager finds them different", async () => {
    const { similar } = await recordedElsewhere();
    const { checkId } = (await dunfermline.post("/api/duplicate-checks", similar)).body;
    const decided = await dunfermlineManager.post(`/api/duplicate-checks/${checkId}/decision`, {
      decision: "different-person",
    });
    expect(decided.status).toBe(200);
    const record = await dunfermline.get(`/api/people/${decided.body.personId}`);
    expect(record.status).toBe(200);
  });

  it("is decided once when two reviewers answer at the same time", async () => {
    const { existingId, similar } = await recordedElsewhere();
    const admin = await demoUser(cairn, "administrator");
    const { checkId } = (await dunfermline.post("/api/duplicate-checks", similar)).body;
    const url = `/api/duplicate-checks/${checkId}/decision`;
    const replies = await Promise.all([
      dunfermlineManager.post(url, { decision: "different-person" }),
      admin.post(url, { decision: "same-person", personId: existingId }),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const decided = await cairn.database.query(
      "select 1 from duplicate_checks where id = $1 and referral_id is not null",
      [checkId],
    );
    expect(decided.length).toBe(1);
    const made = await cairn.database.query(
      "select 1 from referrals r join duplicate_checks c on c.requested_by = r.recorded_by where c.id = $1 and r.recorded_at >= c.requested_at",
      [checkId],
    );
    expect(made.length).toBe(1);
  });

  it("refuses a check when no one like the person is recorded", async () => {
    const reply = await dunfermline.post("/api/duplicate-checks", {
      person: {
        givenName: "Unmatched",
        familyName: `Nobody${Date.now()}`,
        dateOfBirth: "1931-07-09",
        localityId,
      },
      source: "gp",
      urgency: "routine",
      reason: "Falls",
    });
    expect(reply.status).toBe(409);
  });
});
