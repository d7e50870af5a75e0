import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, signedOffAssessment, startTestCairn, TestUser } from "../../testing/api";

let cairn: Cairn;
let worker: TestUser;
let admin: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  admin = await demoUser(cairn, "administrator");
});
afterAll(() => cairn.close());

/** A person in Kirkcaldy, assessed and signed off, whose outcome is about seeing people. */
async function assessedPerson(givenName: string) {
  const { localities } = (await worker.get("/api/localities")).body;
  const kirkcaldy = localities.find((l: { name: string }) => l.name === "Kirkcaldy");
  const { personId } = (
    await worker.post("/api/referrals", {
      person: {
        givenName,
        familyName: "Decided",
        dateOfBirth: "1944-08-08",
        localityId: kirkcaldy.id,
      },
      source: "family-or-carer",
      urgency: "routine",
      reason: "Lonely since her husband died",
      confirmedNew: true,
    })
  ).body;
  await signedOffAssessment(cairn, worker, personId, {
    summary: "Talked at home",
    outcomes: [
      {
        inOwnWords: "I want company at lunchtime",
        need: "Somewhere to go",
        nationalOutcome: "social-inclusion",
        talkingPoint: "Seeing people",
      },
    ],
  });
  return personId as string;
}

const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-", "-"], { input: pdf }).toString();

describe("eligibility criteria and decisions", () => {
  it("publishes criteria anyone can read, and decides by the criteria in force", async () => {
    const published = (await new TestUser(cairn).get("/api/eligibility-criteria")).body;
    expect(published.fundedLevels).toEqual(["critical", "substantial"]);
    const personId = await assessedPerson("Moira");
    const refused = await worker.post("/api/eligibility-criteria", {
      fundedLevels: ["low"],
      publishedText: "x",
    });
    expect(refused.status).toBe(403);
    const generous = await admin.post("/api/eligibility-criteria", {
      fundedLevels: ["critical", "substantial", "moderate"],
      publishedText: "We also fund moderate risk this year.",
    });
    expect(generous.status).toBe(201);
    const decision = await worker.post(`/api/people/${personId}/eligibility-decisions`, {
      riskLevel: "moderate",
      reasons: "Some risk",
    });
    expect(decision.body.eligible).toBe(true);
    const [row] = await cairn.database.query<{ criteria_id: string }>(
      `select criteria_id from eligibility_decisions where id = '${decision.body.id}'`,
    );
    expect(row?.criteria_id).toBe(generous.body.id);
    await admin.post("/api/eligibility-criteria", {
      fundedLevels: ["critical", "substantial"],
      publishedText: "Back to the usual.",
    });
  });

  it.each([
    [{ fundedLevels: [], publishedText: "x" }, "fundedLevels"],
    [{ fundedLevels: ["severe"], publishedText: "x" }, "fundedLevels.0"],
    [{ fundedLevels: ["critical"], publishedText: " " }, "publishedText"],
  ])("refuses bad criteria %j with a field error, changing nothing", async (body, path) => {
    const before = await cairn.database.query("select id from eligibility_criteria");
    const reply = await admin.post("/api/eligibility-criteria", body);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await cairn.database.query("select id from eligibility_criteria")).toEqual(before);
  });

  it("never leaves a person found not eligible with nothing: signposts and a plain letter", async () => {
    const personId = await assessedPerson("Jean");
    const decision = await worker.post(`/api/people/${personId}/eligibility-decisions`, {
      riskLevel: "low",
      reasons: "Low risk at present",
    });
    expect(decision.body.eligible).toBe(false);
    const { signposts } = (await worker.get(`/api/people/${personId}/signposts`)).body;
    expect(signposts.map((s: { name: string }) => s.name)).toContain("Kirkcaldy Lunch Club (demo)");
    expect(signposts.map((s: { name: string }) => s.name)).not.toContain(
      "Levenmouth Walking Group (demo)",
    );
    // and independent advice in their area, from the same directory search the public uses
    expect(signposts.map((s: { name: string }) => s.name)).toContain(
      "Peer support: Fife Disabled People's Support Co-op (demo)",
    );

    const res = await cairn.app.inject({
      method: "GET",
      url: `/api/people/${personId}/eligibility-decision.pdf`,
      headers: { cookie: worker.cookieHeader },
    });
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Your eligibility decision");
    expect(text).toContain("Jean Decided");
    expect(text).toContain("The council will not pay for support for you at the moment.");
    expect(text).toContain("Kirkcaldy Lunch Club (demo)");
    const stranger = await demoUser(cairn, "social-worker", "Dunfermline");
    expect((await stranger.get(`/api/people/${personId}/eligibility-decision.pdf`)).status).toBe(
      403,
    );
  });
});
