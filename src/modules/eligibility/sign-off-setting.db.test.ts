import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Issue 11, defect 13: team-manager sign-off before eligibility is a council setting.

let cairn: Cairn;
let worker: TestUser;
let manager: TestUser;
let admin: TestUser;
let localityId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  manager = await demoUser(cairn, "team-manager", "Kirkcaldy");
  admin = await demoUser(cairn, "administrator");
  localityId = (await worker.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

/** A new person with a submitted (not signed-off) assessment. */
async function submitted(givenName: string) {
  const { personId } = (
    await worker.post("/api/referrals", {
      person: { givenName, familyName: "Setting", dateOfBirth: "1948-02-02", localityId },
      source: "self",
      urgency: "routine",
      reason: "Asked for help at home",
      confirmedNew: true,
    })
  ).body;
  const { assessmentId } = (
    await worker.post(`/api/people/${personId}/assessments`, {
      summary: "Talked at home",
      outcomes: [
        {
          inOwnWords: "I want to stay in my own home",
          need: "Help in the mornings",
          nationalOutcome: "independence",
          talkingPoint: "",
        },
      ],
    })
  ).body;
  await worker.post(`/api/assessments/${assessmentId}/submission`, {});
  return { personId: personId as string, assessmentId: assessmentId as string };
}

const decide = (personId: string, riskLevel: string) =>
  worker.post(`/api/people/${personId}/eligibility-decisions`, {
    riskLevel,
    reasons: "Cannot get up safely alone",
  });
const setSignOff = (body: object, as = admin) => as.post("/api/assessment-sign-off-setting", body);

describe("the council's assessment sign-off setting", () => {
  it("defaults to always: a submitted assessment waits for a manager", async () => {
    expect((await worker.get("/api/assessment-sign-off-setting")).body).toMatchObject({
      rule: "always",
      fromLevel: null,
      setAt: null,
    });
    const { personId } = await submitted("Always");
    const refused = await decide(personId, "low");
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/signed off by a team manager/);
  });

  it("is set by an administrator only, and refuses a level without its choice", async () => {
    expect((await setSignOff({ rule: "never" }, manager)).status).toBe(403);
    const noLevel = await setSignOff({ rule: "from-level" });
    expect(noLevel.status).toBe(400);
    expect(noLevel.body.errors[0].path).toBe("fromLevel");
    expect((await worker.get("/api/assessment-sign-off-setting")).body.rule).toBe("always");
  });

  it("above a level: lower decisions go ahead on submission, higher ones wait for sign-off", async () => {
    const set = await setSignOff({ rule: "from-level", fromLevel: "substantial" });
    expect(set.status).toBe(201);
    expect(set.body.words).toMatch(/critical or substantial risk/);
    const { personId, assessmentId } = await submitted("Level");
    const high = await decide(personId, "critical");
    expect(high.status).toBe(409);
    expect(high.body.detail).toMatch(/signed off by a team manager before a decision of critical/);
    expect((await decide(personId, "moderate")).status).toBe(201);
    const record = (await worker.get(`/api/people/${personId}`)).body;
    expect(record.assessment.status).toBe("completed");
    expect(record.stage).toBe("not-eligible");
    // Completed, it leaves the manager's queue and a new assessment can start.
    const queue = (await manager.get("/api/assessments/awaiting-review")).body.assessments;
    expect(queue.map((a: { id: string }) => a.id)).not.toContain(assessmentId);
    expect((await worker.post(`/api/people/${personId}/assessments`, {})).status).toBe(201);
  });

  it("never: the worker decides eligibility once the assessment is submitted", async () => {
    expect((await setSignOff({ rule: "never" })).status).toBe(201);
    const { personId } = await submitted("Never");
    expect((await decide(personId, "critical")).body.eligible).toBe(true);
    const rows = await cairn.database.query<{ rule: string }>(
      "select rule from assessment_sign_off_settings order by set_at",
    );
    expect(rows.map((r) => r.rule)).toEqual(["from-level", "never"]);
    await expect(
      cairn.database.query("update assessment_sign_off_settings set rule = 'always'"),
    ).rejects.toThrow(/append-only|permission denied/);
  });
});
