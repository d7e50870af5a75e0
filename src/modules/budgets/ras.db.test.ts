import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RAS } from "../../demo/ras";
import type { Cairn } from "../../server";
import { demoUser, signedOffAssessment, startTestCairn, TestUser } from "../../testing/api";
import { validateRas } from "./ras";

let cairn: Cairn;
let admin: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  admin = await demoUser(cairn, "administrator");
});
afterAll(() => cairn.close());

// In force from today: later than the demo version, so it is the one used.
const today = new Date().toISOString().slice(0, 10);
const version = (definition: object) => ({ name: "Test RAS", effectiveFrom: today, definition });
const rasCount = async () =>
  Number(
    (await cairn.database.query<{ n: string }>("select count(*) as n from ras_versions"))[0]?.n,
  );

describe("the council's Resource Allocation System", () => {
  it("ships a valid demo method, published for anyone to read", async () => {
    expect(validateRas(DEMO_RAS)).toEqual([]);
    const published = await new TestUser(cairn).get("/api/ras");
    expect(published.body).toMatchObject({
      version: 1,
      definition: { careGroups: DEMO_RAS.careGroups },
    });
  });

  it.each([
    [
      "overlapping bands",
      {
        ...DEMO_RAS,
        bands: [DEMO_RAS.bands[0], { ...DEMO_RAS.bands[1], fromPoints: 20 }, DEMO_RAS.bands[2]],
      },
      "definition.bands.1.fromPoints",
    ],
    [
      "a missing rate",
      { ...DEMO_RAS, careGroups: [...DEMO_RAS.careGroups, "carers"] },
      "definition.bands.0.pencePerPoint.carers",
    ],
    [
      "a fractional point",
      {
        ...DEMO_RAS,
        questions: [
          { ...DEMO_RAS.questions[0], answers: [{ value: "x", label: "X", points: 1.5 }] },
        ],
      },
      "definition.questions.0.answers.0.points",
    ],
  ])("refuses a method with %s, saving nothing", async (_name, definition, path) => {
    const before = await rasCount();
    const reply = await admin.post("/api/ras-versions", version(definition));
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await rasCount()).toBe(before);
  });

  it("keeps a published version unchangeable, and only administrators draft or publish", async () => {
    const finance = await demoUser(cairn, "finance-officer");
    expect((await finance.post("/api/ras-versions", version(DEMO_RAS))).status).toBe(403);
    const draft = await admin.post("/api/ras-versions", version(DEMO_RAS));
    expect(draft.body).toMatchObject({ version: 2, status: "draft" });
    const published = await admin.post(`/api/ras-versions/${draft.body.id}/publication`, {});
    expect(published.body).toEqual({ status: "published", version: 2 });
    expect((await admin.post(`/api/ras-versions/${draft.body.id}/publication`, {})).status).toBe(
      409,
    );
    await expect(
      cairn.database.query(`update ras_versions set name = 'x' where id = '${draft.body.id}'`),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      cairn.database.query(`delete from ras_versions where id = '${draft.body.id}'`),
    ).rejects.toThrow(/cannot be changed/);
  });

  it("computes an indicative budget with reasons, recorded with the RAS version it used", async () => {
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    const localityId = (await worker.get("/api/localities")).body.localities[0].id;
    const { personId } = (
      await worker.post("/api/referrals", {
        person: { givenName: "Ras", familyName: "Computed", dateOfBirth: "1940-01-01", localityId },
        source: "gp",
        urgency: "soon",
        reason: "x",
        confirmedNew: true,
      })
    ).body;
    await signedOffAssessment(cairn, worker, personId, {
      summary: "x",
      outcomes: [{ inOwnWords: "a", need: "b", nationalOutcome: "health" }],
    });
    await worker.post(`/api/people/${personId}/eligibility-decisions`, {
      riskLevel: "critical",
      reasons: "x",
    });
    const bad = await worker.post(`/api/people/${personId}/indicative-budget`, {
      careGroup: "older people",
      answers: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain("answers.personal-care");
    const computed = await worker.post(`/api/people/${personId}/indicative-budget`, {
      careGroup: "older people",
      answers: {
        "personal-care": "daily",
        "getting-out": "weekly",
        "daily-living": "some",
        safety: "some",
      },
      adjustments: ["unpaid-carer"],
    });
    // 49 points in the 30-59 band at £340.00 = £16,660.00; less 10% = £14,994.00
    expect(computed.body).toMatchObject({
      rasVersion: 2,
      points: 49,
      basePence: 1_666_000,
      totalPence: 1_499_400,
    });
    const { budget } = (await worker.get(`/api/people/${personId}`)).body;
    expect(budget).toMatchObject({ annualAmountPence: 1_499_400, rasVersion: 2 });
    expect(budget.lines.at(-1).text).toBe("Help from an unpaid carer: -10%, less £1,666.00");
    const pdf = await cairn.app.inject({
      method: "GET",
      url: `/api/people/${personId}/budget.pdf`,
      headers: { cookie: worker.cookieHeader },
    });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = execFileSync("pdftotext", ["-", "-"], { input: pdf.rawPayload }).toString();
    expect(text).toContain("How we worked it out");
    expect(text).toContain("£14,994.00 a year.");
    expect(text).toContain("Help from an unpaid carer: -10%, less £1,666.00.");
  });
});

describe("impact before change", () => {
  it("shows finance what a new version would do to every current budget, and as CSV", async () => {
    const finance = await demoUser(cairn, "finance-officer");
    const cheaper = {
      ...DEMO_RAS,
      bands: DEMO_RAS.bands.map((b) => ({
        ...b,
        pencePerPoint: Object.fromEntries(
          Object.entries(b.pencePerPoint).map(([g, p]) => [g, p - 1000]),
        ),
      })),
    };
    const draft = await admin.post("/api/ras-versions", version(cheaper));
    const impact = await finance.get(`/api/ras-versions/${draft.body.id}/impact`);
    expect(impact.status).toBe(200);
    // The person computed above: 49 points, £10 less a point, less 10% for the carer = £441.00 less.
    expect(impact.body.overall).toMatchObject({ people: 1, down: 1, up: 0, changePence: -44_100 });
    expect(Object.keys(impact.body.byCareGroup)).toEqual(["older people"]);
    const csv = await finance.get(`/api/ras-versions/${draft.body.id}/impact.csv`);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\n")[1]).toBe("overall,all,1,0,1,0,0,14994.00,14553.00,-441.00");
    const worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
    expect((await worker.get(`/api/ras-versions/${draft.body.id}/impact`)).status).toBe(403);
  });
});
