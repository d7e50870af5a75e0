import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Issue 13, finding 6: comparing providers shows their financial health with its reasons to
// council staff only; people and providers see a plain rating, only where the council publishes it.

const STAFF = [
  "social-worker",
  "team-manager",
  "finance-officer",
  "commissioner",
  "administrator",
] as const;
const OTHERS = ["supported-person", "representative", "provider-staff"] as const;

let cairn: Cairn;
let admin: TestUser;
let ids: string;
const as = new Map<string, TestUser>();

beforeAll(async () => {
  cairn = await startTestCairn();
  for (const role of [...STAFF, ...OTHERS]) as.set(role, await demoUser(cairn, role));
  admin = as.get("administrator") as TestUser;
  const commissioner = as.get("commissioner") as TestUser;
  const providers = (await commissioner.get("/api/providers")).body.providers;
  const [checked, other] = providers;
  const recorded = await commissioner.post(`/api/providers/${checked.id}/financial-checks`, {
    turnover: "2,400,000",
    surplus: "-35,000",
    reservesMonths: "2.0",
    dependencePercent: 45,
    creditRating: "B",
    reviewedOn: "2026-10-01",
    nextReviewDue: "2027-04-01",
  });
  expect(recorded.status).toBe(201);
  ids = `${checked.id},${other.id}`;
});
afterAll(() => cairn.close());

const compare = async (role: string) => {
  const reply = await (as.get(role) as TestUser).get(`/api/providers/compare?ids=${ids}`);
  expect(reply.status).toBe(200);
  return reply.body.providers[0];
};
const publish = async (publishHealthRating: boolean) =>
  expect((await admin.send("PUT", "/api/council-settings", { publishHealthRating })).status).toBe(
    200,
  );

describe("comparing providers' financial health", () => {
  it.each(STAFF)("shows a %s the status and its reasons", async (role) => {
    await publish(false);
    const p = await compare(role);
    expect(p.health.status).toBe("red");
    expect(p.health.reasons).toContain("45% of income comes from this council");
    expect(p.hasContingencyPlan).toBe(false);
    expect(p.rating).toMatch(/serious concerns/);
  });

  it.each(OTHERS)(
    "shows a %s nothing of it while the council does not publish it",
    async (role) => {
      await publish(false);
      const p = await compare(role);
      expect(p).toMatchObject({ health: null, rating: null, nextReviewDue: null });
      expect(JSON.stringify(p)).not.toMatch(/income comes from|Reserves|Credit rating|deficit/i);
    },
  );

  it.each(OTHERS)("shows a %s a plain rating, never the reasons, once published", async (role) => {
    await publish(true);
    const p = await compare(role);
    expect(p.health).toBeNull();
    expect(p.rating).toBe("The council's last check of their finances found serious concerns");
    expect(JSON.stringify(p)).not.toMatch(/income comes from|Reserves|Credit rating|deficit/i);
  });

  it("keeps the returns frequency when only the publication is set, and is off by default", async () => {
    const fresh = await startTestCairn();
    try {
      const freshAdmin = await demoUser(fresh, "administrator");
      expect((await freshAdmin.get("/api/council-settings")).body.publishHealthRating).toBe(false);
      await freshAdmin.send("PUT", "/api/council-settings", { directPaymentReturnsEvery: "month" });
      await freshAdmin.send("PUT", "/api/council-settings", { publishHealthRating: true });
      expect((await freshAdmin.get("/api/council-settings")).body).toEqual({
        directPaymentReturnsEvery: "month",
        publishHealthRating: true,
      });
      const byWorker = await (await demoUser(fresh, "commissioner")).send(
        "PUT",
        "/api/council-settings",
        { publishHealthRating: true },
      );
      expect(byWorker.status).toBe(403);
    } finally {
      await fresh.close();
    }
  });
});
