import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Issue 11, defect 5: an assessment written by the team's only manager is never a dead end.

let cairn: Cairn;
let worker: TestUser;
let manager: TestUser;
let otherManager: TestUser;
let admin: TestUser;
let localityId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  manager = await demoUser(cairn, "team-manager", "Kirkcaldy");
  otherManager = await demoUser(cairn, "team-manager", "Dunfermline");
  admin = await demoUser(cairn, "administrator");
  localityId = (await worker.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

const content = {
  summary: "Talked at home with her son",
  outcomes: [
    {
      inOwnWords: "I want to get to the shops on my own",
      need: "Help with the bus",
      nationalOutcome: "independence",
      talkingPoint: "",
    },
  ],
};

/** A person on the worker's caseload whose assessment the team's manager writes and submits. */
async function submittedByManager(givenName: string) {
  const { personId } = (
    await worker.post("/api/referrals", {
      person: { givenName, familyName: "Stuck", dateOfBirth: "1950-01-01", localityId },
      source: "self",
      urgency: "routine",
      reason: "Asked for an assessment",
      confirmedNew: true,
    })
  ).body;
  const { assessmentId } = (await manager.post(`/api/people/${personId}/assessments`, content))
    .body;
  expect((await manager.post(`/api/assessments/${assessmentId}/submission`, {})).status).toBe(200);
  return { personId: personId as string, assessmentId: assessmentId as string };
}

const review = (as: TestUser, id: string) =>
  as.post(`/api/assessments/${id}/review`, { decision: "approve" });

describe("sign-off when the author is the team's only manager", () => {
  it("says no one in the team can act, and an administrator names a manager who signs it off", async () => {
    const { personId, assessmentId } = await submittedByManager("Isla");
    const own = await review(manager, assessmentId);
    expect(own.status).toBe(409);
    expect(own.body.detail).toMatch(/someone else must sign it off.*administrator/);
    expect((await review(otherManager, assessmentId)).status).toBe(403);
    const stuck = (await worker.get(`/api/assessments/${assessmentId}/sign-off`)).body;
    expect(stuck.mayAct).toEqual([]);
    expect(stuck.waiting).toMatch(/No team manager other than Fiona Drummond.*administrator/);

    const listed = (await admin.get("/api/assessment-sign-offs")).body;
    const item = listed.assessments.find((a: { id: string }) => a.id === assessmentId);
    expect(item).toMatchObject({ mayAct: [], author: { displayName: "Fiona Drummond" } });
    expect(JSON.stringify(listed)).not.toContain("Isla");
    const graham = listed.managers.find(
      (m: { displayName: string }) => m.displayName === "Graham Baird",
    );
    const fiona = listed.managers.find(
      (m: { displayName: string }) => m.displayName === "Fiona Drummond",
    );
    const url = `/api/assessments/${assessmentId}/sign-off-reallocation`;
    const toAuthor = await admin.post(url, { managerId: fiona.id, reason: "x" });
    expect(toAuthor.status).toBe(400);
    expect(toAuthor.body.errors[0].path).toBe("managerId");
    expect((await manager.post(url, { managerId: graham.id, reason: "x" })).status).toBe(403);
    const named = await admin.post(url, {
      managerId: graham.id,
      reason: "Fiona wrote it and is the only manager in Kirkcaldy",
    });
    expect(named.status).toBe(201);

    const waiting = (await worker.get(`/api/assessments/${assessmentId}/sign-off`)).body;
    expect(waiting.canWithdraw).toBe(true);
    const asNamed = (await otherManager.get(`/api/assessments/${assessmentId}/sign-off`)).body;
    expect(asNamed.canWithdraw).toBe(false);
    expect(waiting.waiting).toBe(
      "Waiting for sign-off by a team manager other than Fiona Drummond: Graham Baird.",
    );
    expect((await otherManager.get(`/api/people/${personId}`)).status).toBe(200);
    const queue = (await otherManager.get("/api/assessments/awaiting-review")).body.assessments;
    expect(queue.map((a: { id: string }) => a.id)).toContain(assessmentId);
    expect((await review(otherManager, assessmentId)).body).toEqual({ status: "approved" });
    // Signed off, the named manager's reach ends with it.
    expect((await otherManager.get(`/api/people/${personId}`)).status).toBe(403);
    const audit = await cairn.database.query<{ action: string }>(
      "select action from audit_log where resource_type = 'assessment-sign-off' and resource_id = $1 and outcome = 'allowed'",
      [assessmentId],
    );
    expect(audit.map((a) => a.action)).toContain("create");
  });

  it("lets the author take it back to draft, so the worker can carry on with it", async () => {
    const { personId, assessmentId } = await submittedByManager("Rona");
    expect((await worker.send("PUT", `/api/assessments/${assessmentId}`, content)).status).toBe(
      409,
    );
    expect((await worker.post(`/api/people/${personId}/assessments`, content)).status).toBe(409);
    const back = await manager.post(`/api/assessments/${assessmentId}/withdrawal`, {});
    expect(back.body).toEqual({ status: "draft" });
    const again = await manager.post(`/api/assessments/${assessmentId}/withdrawal`, {});
    expect(again.status).toBe(409);
    const edited = await worker.send("PUT", `/api/assessments/${assessmentId}`, content);
    expect(edited.body).toMatchObject({ status: "draft" });
  });
});
