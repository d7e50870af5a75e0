import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

let cairn: Cairn;
let worker: TestUser;
let commissioner: TestUser;
let personId: string;
let lineId: string;
let providers: { id: string; name: string; onFramework: boolean }[];

beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  commissioner = await demoUser(cairn, "commissioner");
  const person = (await worker.get("/api/people")).body.people.find(
    (p: { stage: string }) => p.stage === "budget-set",
  );
  personId = person.id;
  const record = (await worker.get(`/api/people/${personId}`)).body;
  providers = (await worker.get("/api/providers")).body.providers;
  await worker.send("PUT", `/api/people/${personId}/plan`, {
    changeSummary: "Plan written with the person",
    lines: [
      {
        outcomeId: record.assessment.outcomes[0].id,
        kind: "provider-service",
        description: "Support to get to the allotment twice a week",
        option: "2",
        providerId: providers[0]?.id,
        cost: { type: "hourly", hoursPerWeek: "6", hourlyRate: "25.10" },
      },
    ],
  });
  lineId = (await worker.get(`/api/people/${personId}/plan`)).body.plan.lines[0].id;
});
afterAll(() => cairn.close());

const byName = (name: string) => providers.find((p) => p.name === name) as { id: string };

describe("choosing a provider", () => {
  it("compares a shortlist side by side with services, grades and financial health", async () => {
    const ids = providers.slice(0, 3).map((p) => p.id);
    const reply = await worker.get(`/api/providers/compare?ids=${ids.join(",")}`);
    expect(reply.status).toBe(200);
    expect(reply.body.providers.map((p: { id: string }) => p.id)).toEqual(ids);
    for (const p of reply.body.providers) {
      expect(p).toHaveProperty("services");
      expect(p).toHaveProperty("health");
      expect(typeof p.onFramework).toBe("boolean");
    }
    const tooMany = await worker.get(
      `/api/providers/compare?ids=${providers
        .slice(0, 6)
        .map((p) => p.id)
        .join(",")}`,
    );
    expect(tooMany.status).toBe(400);
  });

  it("sends the support to two providers, one off the framework: allowed and flagged", async () => {
    const micro = byName("Howe of Fife Micro Care (demo)");
    const linn = byName("Linn Employee-owned Care (demo)");
    const sent = await worker.post(`/api/people/${personId}/plan/requests`, {
      lineId,
      providerIds: [micro.id, linn.id],
    });
    expect(sent.status).toBe(201);
    expect(sent.body.requests.map((r: { offFramework: boolean }) => r.offFramework).sort()).toEqual(
      [false, true],
    );
    const flagged = (await commissioner.get("/api/market/off-framework-choices")).body.providers;
    expect(flagged).toContainEqual(expect.objectContaining({ providerId: micro.id, people: 1 }));
    expect(flagged.some((p: { providerId: string }) => p.providerId === linn.id)).toBe(false);
    const again = await worker.post(`/api/people/${personId}/plan/requests`, {
      lineId,
      providerIds: [micro.id],
    });
    expect(again.status).toBe(409);
  });

  it("shows each request on the plan line, and the provider answers it in their view", async () => {
    const { plan } = (await worker.get(`/api/people/${personId}/plan`)).body;
    expect(plan.lines[0].requests).toHaveLength(2);
    const request = plan.lines[0].requests.find(
      (r: { providerName: string }) => r.providerName === "Linn Employee-owned Care (demo)",
    );
    expect(request.status).toBe("awaiting-provider");
    // The provider staff of Linn is not a demo account; a commissioner cannot answer for them.
    const refused = await commissioner.post(`/api/provider-requests/${request.id}/acceptance`, {
      startDate: "2026-12-07",
      committedHoursPerWeek: 6,
    });
    expect(refused.status).toBe(403);
  });

  it("is taken on when the provider accepts, with the start date and hours they commit", async () => {
    const staff = await demoUser(cairn, "provider-staff");
    const ownId = (await staff.get("/api/session")).body.user.providerId;
    await worker.post(`/api/people/${personId}/plan/requests`, { lineId, providerIds: [ownId] });
    const waiting = (await staff.get("/api/provider-requests")).body.requests.find(
      (p: { person: { id: string }; status: string }) =>
        p.person.id === personId && p.status === "awaiting-provider",
    );
    const accepted = await staff.post(`/api/provider-requests/${waiting.id}/acceptance`, {
      startDate: "2026-12-07",
      committedHoursPerWeek: 6,
    });
    expect(accepted.status).toBe(200);
    const line = (await worker.get(`/api/people/${personId}/plan`)).body.plan.lines[0];
    expect(line.requests.find((r: { providerId: string }) => r.providerId === ownId)).toMatchObject(
      {
        status: "active",
        startDate: "2026-12-07",
        committedHoursPerWeek: 6,
      },
    );
  });

  it.each([
    [{ lineId: "00000000-0000-4000-8000-000000000000", providerIds: [] }, "providerIds"],
    [
      {
        lineId: "00000000-0000-4000-8000-000000000000",
        providerIds: ["00000000-0000-4000-8000-000000000000"],
      },
      "providerIds.0",
    ],
  ])("refuses %o with a field error", async (body, path) => {
    const reply = await worker.post(`/api/people/${personId}/plan/requests`, body);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("lets a commissioner put a provider on the framework, as a new version", async () => {
    const micro = byName("Howe of Fife Micro Care (demo)");
    const put = await commissioner.send("PUT", `/api/providers/${micro.id}/framework`, {
      onFramework: true,
    });
    expect(put.body.changed).toEqual(["onFramework"]);
    const flagged = (await commissioner.get("/api/market/off-framework-choices")).body.providers;
    expect(flagged.some((p: { providerId: string }) => p.providerId === micro.id)).toBe(false);
    expect(
      (await worker.send("PUT", `/api/providers/${micro.id}/framework`, { onFramework: false }))
        .status,
    ).toBe(403);
  });
});
