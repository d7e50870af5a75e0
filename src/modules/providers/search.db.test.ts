import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { startTestCairn, TestUser } from "../../testing/api";

let cairn: Cairn;
let visitor: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  visitor = new TestUser(cairn); // no sign-in: the search is public
});
afterAll(() => cairn.close());

interface Found {
  providerName: string;
  kind: string;
  minGrade: number | null;
  postcode: string | null;
  supportTypes: string[];
  localities: string[];
  availableHoursPerWeek: number;
  acceptingNewPeople: boolean;
  hourlyRatePence: number;
  languages: string[];
}
const search = async (query = "") => {
  const reply = await visitor.get(`/api/public/support?${query}`);
  expect(reply.status).toBe(200);
  return reply.body as { total: number; results: Found[]; page: number };
};

describe("the public search for support", () => {
  it("finds services by kind, grade and postcode district, without signing in", async () => {
    const all = await search();
    expect(all.total).toBeGreaterThan(20);
    expect(all.results).toHaveLength(20);
    const voluntary = await search("kind=voluntary&minGrade=5");
    expect(voluntary.total).toBeGreaterThan(0);
    expect(voluntary.results.every((r) => r.kind === "voluntary" && (r.minGrade ?? 0) >= 5)).toBe(
      true,
    );
    const ky7 = await search("postcode=ky7%201ab");
    expect(ky7.total).toBeGreaterThan(0);
    expect(ky7.results.every((r) => r.postcode?.startsWith("KY7 "))).toBe(true);
  });

  it("finds by type of support, area, availability, rate and language", async () => {
    const { localities } = (await visitor.get("/api/localities")).body;
    const kirkcaldy = localities.find((l: { name: string }) => l.name === "Kirkcaldy");
    const found = await search(
      `supportType=personal-care&locality=${kirkcaldy.id}&available=yes&maxRate=27.00`,
    );
    expect(found.total).toBeGreaterThan(0);
    for (const r of found.results) {
      expect(r.supportTypes).toContain("personal-care");
      expect(r.localities).toContain("Kirkcaldy");
      expect(r.acceptingNewPeople && r.availableHoursPerWeek > 0).toBe(true);
      expect(r.hourlyRatePence).toBeLessThanOrEqual(2700);
    }
    const full = await search("supportType=personal-care");
    expect(full.total).toBeGreaterThan(found.total); // some are full or dearer
    const gaelic = await search("language=gd");
    expect(gaelic.total).toBeGreaterThan(0);
    expect(gaelic.results.every((r) => r.languages.includes("gd"))).toBe(true);
  });

  it("pages through the results without repeats", async () => {
    const first = await search("page=1");
    const second = await search("page=2");
    expect(second.page).toBe(2);
    const names = (r: Found[]) => r.map((x) => `${x.providerName}`);
    expect(names(second.results).some((n) => names(first.results).includes(n))).toBe(false);
    expect(first.results.length + second.results.length).toBe(Math.min(first.total, 40));
  });

  it("matches words literally, so % finds nothing rather than everything", async () => {
    expect((await search("q=%25")).total).toBe(0);
    expect((await search("q=gardening")).results[0]?.providerName).toBe(
      "Kingdom Garden Crew (demo)",
    );
  });

  it.each([
    ["kind=robots", "kind"],
    ["minGrade=9", "minGrade"],
    ["postcode=nowhere", "postcode"],
    ["supportType=teleportation", "supportType"],
    ["locality=Kirkcaldy", "locality"],
    ["maxRate=lots", "maxRate"],
    ["page=0", "page"],
  ])("refuses %s with a field error", async (query, path) => {
    const reply = await visitor.get(`/api/public/support?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("serves a page that works without JavaScript, and shows bad input plainly", async () => {
    const page = await cairn.app.inject({ method: "GET", url: "/find-support?kind=user-led" });
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("1 service found");
    expect(page.body).toContain("Fife Disabled People&#39;s Support Co-op (demo)");
    const bad = await cairn.app.inject({
      method: "GET",
      url: "/find-support?postcode=%3Cscript%3E",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter a postcode or its first half");
    expect(bad.body).not.toContain("<script>");
  });
});
