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

describe("the public search for support", () => {
  it("finds providers by kind, grade and postcode district, without signing in", async () => {
    const all = (await visitor.get("/api/public/providers")).body.providers;
    expect(all.length).toBeGreaterThan(20);
    const voluntary = (await visitor.get("/api/public/providers?kind=voluntary&minGrade=5")).body
      .providers;
    expect(voluntary.length).toBeGreaterThan(0);
    expect(
      voluntary.every(
        (p: { kind: string; minGrade: number }) => p.kind === "voluntary" && p.minGrade >= 5,
      ),
    ).toBe(true);
    const ky7 = (await visitor.get("/api/public/providers?postcode=ky7%201ab")).body.providers;
    expect(ky7.length).toBeGreaterThan(0);
    expect(ky7.every((p: { postcode: string }) => p.postcode.startsWith("KY7 "))).toBe(true);
  });

  it.each([
    ["kind=robots", "kind"],
    ["minGrade=9", "minGrade"],
    ["postcode=nowhere", "postcode"],
  ])("refuses %s with a field error", async (query, path) => {
    const reply = await visitor.get(`/api/public/providers?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("serves a page that works without JavaScript, and shows bad input plainly", async () => {
    const page = await cairn.app.inject({ method: "GET", url: "/find-support?kind=user-led" });
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("1 provider found");
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
