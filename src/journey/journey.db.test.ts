import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../server";
import {
  demoUser,
  OWN_PASSWORD,
  setOwnPassword,
  signedOffAssessment,
  startTestCairn,
  TestUser,
} from "../testing/api";

let cairn: Cairn;
beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

describe("the thin SDS journey through the API", () => {
  it("goes from referral to an active Option 2 plan, seen by person, worker and provider", async () => {
    const worker = await demoUser(cairn, "social-worker");
    const { body: locs } = await worker.get("/api/localities");
    const referral = await worker.post("/api/referrals", {
      person: {
        givenName: "Iona",
        familyName: "Test",
        dateOfBirth: "1950-04-02",
        localityId: locs.localities[0].id,
      },
      source: "gp",
      urgency: "soon",
      reason: "Falls at home",
    });
    expect(referral.status).toBe(201);
    const { personId } = referral.body;
    const url = `/api/people/${personId}`;
    expect((await worker.get(url)).body.stage).toBe("referred");

    await signedOffAssessment(cairn, worker, personId, {
      summary: "Talked at home",
      strengths: "Neighbours",
      outcomes: [
        {
          inOwnWords: "I want to get back to my allotment",
          need: "Transport on Saturdays",
          nationalOutcome: "wellbeing",
        },
      ],
    });
    expect((await worker.get(url)).body.assessment).toMatchObject({
      status: "approved",
      version: 1,
    });
    const decision = await worker.post(`${url}/eligibility-decisions`, {
      riskLevel: "substantial",
      reasons: "Risk to independence",
    });
    expect(decision.body).toMatchObject({ eligible: true });
    const budget = await worker.post(`${url}/budgets`, {
      annualAmount: "10,400.00",
      reason: "Six hours a week",
    });
    expect(budget.body.annualAmountPence).toBe(1_040_000);
    const account = await worker.post(`${url}/accounts`, {
      kind: "person",
      email: "iona@example.org",
      displayName: "Iona Test",
    });
    expect(account.status).toBe(201);

    expect((await setOwnPassword(cairn, account.body.link)).status).toBe(200);
    const person = new TestUser(cairn);
    expect((await person.signIn("iona@example.org", OWN_PASSWORD)).status).toBe(200);
    const own = await person.get(url);
    expect(own.body.assessment.outcomes[0].inOwnWords).toBe("I want to get back to my allotment");
    expect(own.body.budget).toMatchObject({
      annualAmountPence: 1_040_000,
      weeklyAmountPence: 20_000,
    });
    expect(own.body.stage).toBe("budget-set");

    const { body: accounts } = await new TestUser(cairn).get("/api/demo/accounts");
    const providerAccount = accounts.accounts.find(
      (a: { role: string }) => a.role === "provider-staff",
    );
    const providerName = providerAccount.description.replace("Staff at ", "");
    const { body: directory } = await person.get("/api/providers");
    const provider = directory.providers.find((p: { name: string }) => p.name === providerName);
    const choice = await person.post(`${url}/provider-requests`, {
      option: "2",
      providerId: provider.id,
      reason: "They know the area",
    });
    expect(choice.body.status).toBe("awaiting-provider");

    const staff = new TestUser(cairn);
    await staff.signIn(providerAccount.email);
    const { body: requests } = await staff.get("/api/provider-requests");
    const request = requests.requests.find(
      (p: { person: { id: string } }) => p.person.id === personId,
    );
    expect(request).toMatchObject({ status: "awaiting-provider", annualAmountPence: 1_040_000 });
    // Only asked, the provider sees no free text about the person unless they agreed (#5).
    expect(request).toMatchObject({ outcomesShared: false, outcomes: [] });
    const accepted = await staff.post(`/api/provider-requests/${request.id}/acceptance`, {
      startDate: "2026-12-07",
      committedHoursPerWeek: 6,
    });
    expect(accepted.body).toEqual({ status: "active" });
    const supporting = (await staff.get("/api/provider-requests")).body.requests.find(
      (p: { id: string }) => p.id === request.id,
    );
    expect(supporting.outcomes[0].inOwnWords).toBe("I want to get back to my allotment");

    for (const viewer of [person, worker, staff]) {
      const seen = await viewer.get(url);
      expect(seen.body.stage).toBe("active");
      expect(seen.body.plan).toMatchObject({
        option: "2",
        status: "active",
        provider: { name: providerName },
      });
    }
    // Support from 7 December 2026: 115 days of the 365 to 31 March 2027.
    expect((await person.get(url)).body.budgetThisYear).toEqual({
      from: "2026-12-07",
      to: "2027-03-31",
      days: 115,
      yearDays: 365,
      pence: 327_671,
    });
    expect((await person.get(url)).body.plan.events.map((e: { event: string }) => e.event)).toEqual(
      ["chosen", "accepted"],
    );
    const again = await staff.post(`/api/provider-requests/${request.id}/acceptance`, {
      startDate: "2026-12-07",
      committedHoursPerWeek: 6,
    });
    expect(again.status).toBe(409);
  });
});
