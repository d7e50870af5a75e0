import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

let cairn: Cairn;
let commissioner: TestUser;
let providerId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  commissioner = await demoUser(cairn, "commissioner");
  providerId = (await commissioner.get("/api/providers")).body.providers[0].id;
});
afterAll(() => cairn.close());

const check = (over: object = {}) => ({
  turnover: "2,400,000",
  surplus: "-35,000",
  reservesMonths: "2.0",
  dependencePercent: 45,
  creditRating: "B",
  reviewedOn: "2026-10-01",
  nextReviewDue: "2027-04-01",
  ...over,
});

describe("provider financial health", () => {
  it("records a check and shows red, amber or green with the reasons and the contingency plan", async () => {
    const recorded = await commissioner.post(
      `/api/providers/${providerId}/financial-checks`,
      check(),
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.status).toBe("red");
    expect(recorded.body.reasons).toEqual([
      "Reserves of 2.0 months are under three months of spending",
      "A deficit with thin reserves",
      "45% of income comes from this council",
    ]);
    await commissioner.post(`/api/providers/${providerId}/contingency-plans`, {
      plan: "Transfer to the in-house service within 2 weeks",
    });
    const finance = await demoUser(cairn, "finance-officer");
    const market = (await finance.get("/api/market/provider-health")).body.providers;
    const row = market.find((p: { id: string }) => p.id === providerId);
    expect(row).toMatchObject({
      health: { status: "red", overdue: false },
      contingencyPlan: "Transfer to the in-house service within 2 weeks",
    });
    expect(market.filter((p: { health: unknown }) => p.health === null).length).toBe(
      market.length - 1,
    );
  });

  it("flags a check past its review date", async () => {
    await commissioner.post(
      `/api/providers/${providerId}/financial-checks`,
      check({
        surplus: "12,000",
        reservesMonths: "6",
        dependencePercent: 10,
        reviewedOn: "2025-01-01",
        nextReviewDue: "2025-07-01",
      }),
    );
    const row = (await commissioner.get("/api/market/provider-health")).body.providers.find(
      (p: { id: string }) => p.id === providerId,
    );
    expect(row.health).toEqual({
      status: "amber",
      reasons: ["The review was due on 2025-07-01"],
      overdue: true,
    });
  });

  it("refuses bad figures with field errors, saving nothing", async () => {
    const before = await cairn.database.query("select id from provider_financial_checks");
    const reply = await commissioner.post(
      `/api/providers/${providerId}/financial-checks`,
      check({ turnover: "a lot", surplus: "--5", nextReviewDue: "2026-09-01" }),
    );
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "turnover",
      "surplus",
      "nextReviewDue",
    ]);
    const bad = await commissioner.post(
      `/api/providers/${providerId}/financial-checks`,
      check({ reservesMonths: "two", creditRating: "AAA" }),
    );
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "creditRating",
      "reservesMonths",
    ]);
    expect(await cairn.database.query("select id from provider_financial_checks")).toEqual(before);
    const worker = await demoUser(cairn, "social-worker");
    expect(
      (await worker.post(`/api/providers/${providerId}/financial-checks`, check())).status,
    ).toBe(403);
  });
});
