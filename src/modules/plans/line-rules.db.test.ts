import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Issue 11, defect 3: a rule about a plan line holds whichever route changes the line.

let cairn: Cairn;
let worker: TestUser;
let person: { id: string; outcomeId: string };

beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "North East Fife");
  const caseload = (await worker.get("/api/people")).body.people.filter(
    (p: { stage: string }) => p.stage === "budget-set",
  );
  const record = (await worker.get(`/api/people/${caseload[0].id}`)).body;
  person = { id: caseload[0].id, outcomeId: record.assessment.outcomes[0].id };
});
afterAll(() => cairn.close());

const daughterAsPa = (option: string) => ({
  outcomeId: person.outcomeId,
  kind: "personal-assistant",
  description: "Her daughter as PA at weekends",
  option,
  familyMember: true,
  cost: { type: "hourly", hoursPerWeek: "4", hourlyRate: "17.50" },
});

const choose = (lineId: string, option: string) =>
  worker.post(`/api/people/${person.id}/plan/choice`, {
    options: [{ lineId, option }],
    participants: [{ role: "person", name: "The person" }],
    informationGiven: [{ option: "1", how: "Talked through" }],
    decidedBy: "person",
  });

const planNow = async () => (await worker.get(`/api/people/${person.id}/plan`)).body.plan;

describe("the close-family PA rule on every path", () => {
  it("refuses switching a family-member PA to Option 1 by the choice route without the reason", async () => {
    const written = await worker.send("PUT", `/api/people/${person.id}/plan`, {
      changeSummary: "Her daughter will help at weekends, arranged by the council for now",
      lines: [daughterAsPa("3")],
    });
    expect(written.status).toBe(201);
    const before = await planNow();
    const reply = await choose(before.lines[0].id, "1");
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      {
        path: "options.0.option",
        message: expect.stringMatching(/close family member.*social worker records/),
      },
    ]);
    const after = await planNow();
    expect(after.version).toBe(before.version);
    expect(after.lines[0].option).toBe("3");
  });

  it("accepts the switch once the worker has recorded the exceptional reason", async () => {
    const line = (await planNow()).lines[0];
    const written = await worker.send("PUT", `/api/people/${person.id}/plan`, {
      changeSummary: "Recorded why only her daughter can do this",
      lines: [
        {
          ...daughterAsPa("3"),
          id: line.id,
          familyMemberReason: "She will not let strangers in at night; no other PA is possible.",
        },
      ],
    });
    expect(written.status).toBe(201);
    expect((await choose(line.id, "1")).status).toBe(201);
    expect((await planNow()).lines[0].option).toBe("1");
  });

  it("refuses to approve, or make agreements from, an old stored version that breaks the rule", async () => {
    const plan = await planNow();
    const [stored] = await cairn.database.query<{ lines: { familyMemberReason: string }[] }>(
      "select lines from plan_versions where id = $1",
      [plan.id],
    );
    const lines = (stored?.lines ?? []).map((l) => ({ ...l, familyMemberReason: "" }));
    const [old] = await cairn.database.query<{ id: string }>(
      `insert into plan_versions (person_id, version, budget_entry_id, lines, change_summary, created_by)
       select person_id, version + 1, budget_entry_id, $2::jsonb, 'Written before the rule', created_by
       from plan_versions where id = $1 returning id`,
      [plan.id, JSON.stringify(lines)],
    );
    const approve = await worker.post(`/api/people/${person.id}/plan/decision`, {
      decision: "approved",
    });
    expect(approve.status).toBe(409);
    expect(approve.body.detail).toMatch(/Her daughter.*exceptional reason/);
    await cairn.database.query(
      "insert into plan_decisions (plan_version_id, decision, note, decided_by) select id, 'approved', '', created_by from plan_versions where id = $1",
      [old?.id],
    );
    const contracts = await worker.post(`/api/people/${person.id}/contracts`, {});
    expect(contracts.status).toBe(409);
    expect(contracts.body.detail).toMatch(/exceptional reason/);
  });
});
