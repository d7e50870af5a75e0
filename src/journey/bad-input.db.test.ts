import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../server";
import { demoUser, signedOffAssessment, startTestCairn, TestUser } from "../testing/api";

let cairn: Cairn;
let worker: TestUser;
let localityId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  localityId = (await worker.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

/** Row counts of every table a bad request might touch. */
async function snapshot() {
  const tables = [
    "people",
    "referrals",
    "assessments",
    "personal_outcomes",
    "eligibility_decisions",
    "budget_entries",
    "provider_requests",
    "users",
  ];
  const counts: Record<string, number> = {};
  for (const t of tables)
    counts[t] = Number(
      (await cairn.database.query<{ n: string }>(`select count(*) as n from ${t}`))[0]?.n,
    );
  return counts;
}

const person = (over: object = {}) => ({
  person: { givenName: "Ann", familyName: "Other", dateOfBirth: "1960-01-01", localityId, ...over },
  source: "gp",
  urgency: "routine",
  reason: "Needs help",
  confirmedNew: true, // these tests make the same person many times on purpose
});

describe("bad input gets field errors and changes nothing", () => {
  it.each([
    ["an impossible date", person({ dateOfBirth: "1960-02-30" }), "person.dateOfBirth"],
    ["a future date of birth", person({ dateOfBirth: "2999-01-01" }), "person.dateOfBirth"],
    ["a blank name", person({ givenName: "  " }), "person.givenName"],
    [
      "an unknown locality",
      person({ localityId: "00000000-0000-4000-8000-000000000000" }),
      "person.localityId",
    ],
    ["an unknown referral source", { ...person(), source: "postcard" }, "source"],
  ])("a referral with %s", async (_name, body, path) => {
    const before = await snapshot();
    const reply = await worker.post("/api/referrals", body);
    expect(reply.status).toBe(400);
    expect(reply.headers["content-type"]).toContain("application/problem+json");
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to submit an assessment with no outcome, and steps out of order", async () => {
    const { personId } = (await worker.post("/api/referrals", person())).body;
    const draft = await worker.post(`/api/people/${personId}/assessments`, { summary: "x" });
    expect(draft.body).toMatchObject({ status: "draft", version: 1 });
    const before = await snapshot();
    const empty = await worker.post(`/api/assessments/${draft.body.assessmentId}/submission`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].path).toBe("outcomes");
    const early = await worker.post(`/api/people/${personId}/eligibility-decisions`, {
      riskLevel: "critical",
      reasons: "x",
    });
    expect(early.status).toBe(409);
    const noBudgetYet = await worker.post(`/api/people/${personId}/budgets`, {
      annualAmount: "100",
      reason: "x",
    });
    expect(noBudgetYet.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it.each([["ten pounds and a bit", "10.001", "-5", "12,34.00"]])(
    "refuses budget amounts like %s",
    async (...amounts) => {
      const { personId } = (await worker.post("/api/referrals", person())).body;
      await signedOffAssessment(cairn, worker, personId, {
        summary: "x",
        outcomes: [{ inOwnWords: "a", need: "b", nationalOutcome: "health" }],
      });
      await worker.post(`/api/people/${personId}/eligibility-decisions`, {
        riskLevel: "critical",
        reasons: "x",
      });
      const before = await snapshot();
      for (const annualAmount of amounts) {
        const reply = await worker.post(`/api/people/${personId}/budgets`, {
          annualAmount,
          reason: "x",
        });
        expect(reply.status).toBe(400);
        expect(reply.body.errors).toEqual([{ path: "annualAmount", message: expect.any(String) }]);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it("refuses Option 2 without a provider, and an unknown provider", async () => {
    // The demo supported person whose budget is set and who has not chosen yet.
    const { body: demo } = await worker.get("/api/demo/accounts");
    let person = worker;
    let own: { id: string } | undefined;
    for (const account of demo.accounts.filter(
      (a: { role: string }) => a.role === "supported-person",
    )) {
      person = new TestUser(cairn);
      await person.signIn(account.email);
      own = (await person.get("/api/people")).body.people.find(
        (p: { stage: string }) => p.stage === "budget-set",
      );
      if (own) break;
    }
    if (!own) throw new Error("the demo has no supported person with a budget set");
    const before = await snapshot();
    const none = await person.post(`/api/people/${own.id}/provider-requests`, { option: "2" });
    expect(none.body.errors[0].path).toBe("providerId");
    const unknown = await person.post(`/api/people/${own.id}/provider-requests`, {
      option: "2",
      providerId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.body.errors[0].path).toBe("providerId");
    expect(await snapshot()).toEqual(before);
  });
});
