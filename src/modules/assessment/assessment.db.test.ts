import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

let cairn: Cairn;
let worker: TestUser;
let manager: TestUser;
let localityId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  manager = await demoUser(cairn, "team-manager", "Kirkcaldy");
  localityId = (await worker.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

async function newPerson(by: TestUser, givenName: string) {
  const reply = await by.post("/api/referrals", {
    person: { givenName, familyName: "Assessed", dateOfBirth: "1955-03-03", localityId },
    source: "self",
    urgency: "routine",
    reason: "Asked for an assessment",
    confirmedNew: true,
  });
  return reply.body.personId as string;
}

const outcome = {
  inOwnWords: "I want to see my pals at the bowling club",
  need: "A lift on Tuesdays",
  nationalOutcome: "social-inclusion",
  talkingPoint: "Seeing people",
};

describe("assessment drafts, versions and sign-off", () => {
  it("keeps every saved draft as a version, then goes through submission and sign-off", async () => {
    const personId = await newPerson(worker, "Draft");
    const first = await worker.post(`/api/people/${personId}/assessments`, {
      summary: "Half typed",
    });
    expect(first.status).toBe(201);
    const { assessmentId } = first.body;
    const second = await worker.send("PUT", `/api/assessments/${assessmentId}`, {
      summary: "Talked at home with her daughter",
      informalSupport: "Daughter visits daily",
      outcomes: [outcome],
      risks: [
        {
          whatCouldGoWrong: "A fall",
          whatThePersonAccepts: "Walking alone",
          whatReducesIt: "A stick",
        },
      ],
      participants: [
        { name: "Jean Assessed", role: "family", authority: "welfare-power-of-attorney" },
      ],
    });
    expect(second.body).toMatchObject({ version: 2, status: "draft" });
    const record = (await worker.get(`/api/people/${personId}`)).body;
    expect(record.stage).toBe("assessing");
    expect(record.assessment.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(record.assessment.outcomes).toEqual([expect.objectContaining(outcome)]);
    expect(record.assessment.participants[0].authority).toBe("welfare-power-of-attorney");
    const versions = await cairn.database.query<{ content: { summary: string } }>(
      `select content from assessment_versions where assessment_id = '${assessmentId}' order by version`,
    );
    expect(versions.map((v) => v.content.summary)).toEqual([
      "Half typed",
      "Talked at home with her daughter",
    ]);
    await expect(
      cairn.database.query("update assessment_versions set version = 9"),
    ).rejects.toThrow(/append-only|permission denied/);

    expect((await worker.post(`/api/assessments/${assessmentId}/submission`, {})).body).toEqual({
      status: "submitted",
    });
    const edit = await worker.send("PUT", `/api/assessments/${assessmentId}`, {
      summary: "late change",
    });
    expect(edit.status).toBe(409);
    const waiting = (await manager.get("/api/assessments/awaiting-review")).body.assessments;
    expect(waiting.map((a: { id: string }) => a.id)).toContain(assessmentId);

    const returned = await manager.post(`/api/assessments/${assessmentId}/review`, {
      decision: "return",
    });
    expect(returned.body.errors[0].path).toBe("note");
    await manager.post(`/api/assessments/${assessmentId}/review`, {
      decision: "return",
      note: "Add the carer's view",
    });
    expect((await worker.get(`/api/people/${personId}`)).body.assessment).toMatchObject({
      status: "returned",
      reviewNote: "Add the carer's view",
    });
    await worker.send("PUT", `/api/assessments/${assessmentId}`, {
      summary: "With the carer's view",
      outcomes: [outcome],
    });
    await worker.post(`/api/assessments/${assessmentId}/submission`, {});
    const approved = await manager.post(`/api/assessments/${assessmentId}/review`, {
      decision: "approve",
    });
    expect(approved.body).toEqual({ status: "approved" });
    const after = (await worker.get(`/api/people/${personId}`)).body;
    expect(after.stage).toBe("assessed");
    expect(after.assessment.reviewedBy.displayName).toBe("Fiona Drummond");
  });

  it("never lets the author sign off their own assessment, even as a manager", async () => {
    const personId = await newPerson(manager, "Own");
    const { assessmentId } = (
      await manager.post(`/api/people/${personId}/assessments`, {
        summary: "Mine",
        outcomes: [outcome],
      })
    ).body;
    await manager.post(`/api/assessments/${assessmentId}/submission`, {});
    const own = await manager.post(`/api/assessments/${assessmentId}/review`, {
      decision: "approve",
    });
    expect(own.status).toBe(409);
    expect(own.body.detail).toMatch(/someone else/);
    const worker2 = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const notManager = await worker2.post(`/api/assessments/${assessmentId}/review`, {
      decision: "approve",
    });
    expect(notManager.status).toBe(403);
  });

  it("starts no second assessment while one is in progress", async () => {
    const personId = await newPerson(worker, "Twice");
    await worker.post(`/api/people/${personId}/assessments`, { summary: "First" });
    const again = await worker.post(`/api/people/${personId}/assessments`, { summary: "Second" });
    expect(again.status).toBe(409);
  });

  it("refuses an unknown Talking Points outcome with a field error", async () => {
    const personId = await newPerson(worker, "Talking");
    const reply = await worker.post(`/api/people/${personId}/assessments`, {
      summary: "x",
      outcomes: [{ ...outcome, talkingPoint: "Winning the lottery" }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].path).toBe("outcomes.0.talkingPoint");
  });
});

describe("a carer's own assessment", () => {
  it("records a young carer statement or an adult carer support plan, linked to the person", async () => {
    const personId = await newPerson(worker, "Cared");
    const young = await worker.post(`/api/people/${personId}/carer-assessments`, {
      carerName: "Ailsa Cared",
      carerDateOfBirth: "2011-04-04",
      relationship: "Granddaughter",
      caringRole: "Helps with shopping after school",
      outcomes: ["Time with my friends at the weekend"],
    });
    expect(young.body).toMatchObject({ kind: "young-carer-statement" });
    const adult = await worker.post(`/api/people/${personId}/carer-assessments`, {
      carerName: "Tom Cared",
      carerDateOfBirth: "1975-04-04",
      relationship: "Son",
      caringRole: "Personal care every evening",
      willingAndAble: "Not mornings: I start work at seven",
      outcomes: ["A life of my own on Saturdays"],
    });
    expect(adult.body).toMatchObject({ kind: "adult-carer-support-plan" });
    const record = (await worker.get(`/api/people/${personId}`)).body;
    expect(record.carerAssessments.map((c: { carerName: string }) => c.carerName).sort()).toEqual([
      "Ailsa Cared",
      "Tom Cared",
    ]);
    const bad = await worker.post(`/api/people/${personId}/carer-assessments`, {
      carerName: "No outcomes",
      carerDateOfBirth: "1975-02-30",
      relationship: "Son",
      caringRole: "x",
      outcomes: [],
    });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "carerDateOfBirth",
      "outcomes",
    ]);
    expect((await worker.get(`/api/people/${personId}`)).body.carerAssessments).toHaveLength(2);
  });
});
