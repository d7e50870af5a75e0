import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";
import { type Journeyed, journey } from "../../testing/journey";

// Issue 13, finding 5: a provider only asked to take on a support (up to five are asked at
// once) sees what it needs to decide, never the person's record, until it supports them.

let cairn: Cairn;
let admin: TestUser;
let otherProvider: TestUser;

beforeAll(async () => {
  cairn = await startTestCairn();
  admin = await demoUser(cairn, "administrator");
  const staff = (await admin.get("/api/demo/accounts")).body.accounts.filter(
    (a: { role: string }) => a.role === "provider-staff",
  );
  otherProvider = await demoUser(cairn, "provider-staff", staff[1].description);
});
afterAll(() => cairn.close());

/** A person with a plan of one support, which the worker sends to the first demo provider. */
async function asked(shareOutcomes?: boolean) {
  return journey(cairn)
    .budget()
    .then_(async (j) => {
      await j.worker.send("PUT", `/api/people/${j.personId}/plan`, {
        changeSummary: "Plan written with the person",
        lines: [
          {
            outcomeId: j.outcomeId,
            kind: "provider-service",
            description: "Help to get to the allotment",
            option: "2",
            providerId: j.providerId,
            cost: { type: "hourly", hoursPerWeek: "6", hourlyRate: "25.10" },
          },
        ],
      });
    })
    .then_(async (j) => {
      const lineId = (await j.worker.get(`/api/people/${j.personId}/plan`)).body.plan.lines[0].id;
      const sent = await j.worker.post(`/api/people/${j.personId}/plan/requests`, {
        lineId,
        providerIds: [j.providerId],
        ...(shareOutcomes === undefined ? {} : { shareOutcomes }),
      });
      expect(sent.status).toBe(201);
    });
}

const requestOf = async (j: Journeyed) =>
  (await j.provider.get("/api/provider-requests")).body.requests.find(
    (r: { person: { id: string } }) => r.person.id === j.personId,
  );

// Every read of the person's record a provider supporting them may make, and the PDFs.
const recordReads = (personId: string) => [
  `/api/people/${personId}`,
  `/api/people/${personId}/signposts`,
  `/api/people/${personId}/eligibility-decision.pdf`,
  `/api/people/${personId}/budget.pdf`,
  `/api/people/${personId}/plan`,
  `/api/people/${personId}/pools`,
  `/api/people/${personId}/contracts`,
  `/api/people/${personId}/statements/2026-12`,
];

describe("a provider asked, not yet supporting the person", () => {
  it("is refused the record, the assessment inside it and every letter (403, audited)", async () => {
    const j = await asked();
    for (const url of recordReads(j.personId)) {
      const reply = await j.provider.get(url);
      expect({ url, status: reply.status }).toEqual({ url, status: 403 });
    }
    const refused = (await admin.get(`/api/audit?personId=${j.personId}`)).body.entries.filter(
      (e: { outcome: string; actorRole: string }) =>
        e.outcome === "denied" && e.actorRole === "provider-staff",
    );
    expect(refused.length).toBeGreaterThanOrEqual(recordReads(j.personId).length);
    expect(
      (await j.provider.get("/api/people")).body.people.map((p: { id: string }) => p.id),
    ).not.toContain(j.personId);
  });

  it("reads the request's summary: the support, hours, locality, no free text about them", async () => {
    const j = await asked();
    const listed = await requestOf(j);
    expect(listed).toMatchObject({
      status: "awaiting-provider",
      support: { description: "Help to get to the allotment", minutesPerWeek: 360 },
      outcomesShared: false,
      outcomes: [],
    });
    expect(typeof listed.locality).toBe("string");
    const one = await j.provider.get(`/api/provider-requests/${listed.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(listed);
    // Another provider, not asked, reads neither.
    expect((await otherProvider.get(`/api/provider-requests/${listed.id}`)).status).toBe(403);
    expect((await otherProvider.get(`/api/people/${j.personId}`)).status).toBe(403);
  });

  it("sees what matters to the person before it agrees only where they agreed to share it", async () => {
    const j = await asked(true);
    const listed = await requestOf(j);
    expect(listed.outcomesShared).toBe(true);
    expect(listed.outcomes.length).toBeGreaterThan(0);
  });

  it("reads the whole record once it has taken the request on", async () => {
    const j = await asked();
    const listed = await requestOf(j);
    const accepted = await j.provider.post(`/api/provider-requests/${listed.id}/acceptance`, {
      startDate: "2026-12-07",
      committedHoursPerWeek: 6,
    });
    expect(accepted.status).toBe(200);
    const record = await j.provider.get(`/api/people/${j.personId}`);
    expect(record.status).toBe(200);
    expect((await j.provider.get(`/api/people/${j.personId}/budget.pdf`)).status).toBe(200);
    const now = await requestOf(j);
    expect(now).toMatchObject({ status: "active", outcomesShared: true });
    expect(now.outcomes.length).toBeGreaterThan(0);
  });
});
