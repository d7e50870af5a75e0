import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerRoutes } from "../../routes";
import { type Cairn, routeDeps } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";
import { journey } from "../../testing/journey";
import { buildHttpApp } from "./app";

// Issue 13, finding 4: every kind of response Cairn gives carries the security headers.

let cairn: Cairn;
let finance: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  finance = await demoUser(cairn, "finance-officer");
});
afterAll(() => cairn.close());

const get = (url: string, user?: TestUser) =>
  cairn.app.inject({ method: "GET", url, headers: { cookie: user?.cookieHeader ?? "" } });

/** The directives of a Content-Security-Policy header, by name. */
const csp = (res: LightMyRequestResponse) =>
  Object.fromEntries(
    String(res.headers["content-security-policy"] ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(" ")]),
  );

function expectHardened(res: LightMyRequestResponse) {
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers["x-frame-options"]).toBe("DENY");
  expect(String(res.headers["permissions-policy"])).toMatch(/camera=\(\).*geolocation=\(\)/);
  expect(String(res.headers["permissions-policy"])).toContain("microphone=()");
  // Served over plain HTTP (no secure cookies): no HSTS, which would pin the name to HTTPS.
  expect(res.headers["strict-transport-security"]).toBeUndefined();
  const policy = csp(res);
  expect(policy).toMatchObject({
    "default-src": "'self'",
    "script-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
  });
  expect(String(res.headers["content-security-policy"])).not.toMatch(/unsafe-(eval|inline)/);
  return policy;
}

describe("security headers (issue 13, finding 4)", () => {
  it("a server-rendered page: strict CSP with no inline script or style, and no-store", async () => {
    const page = await get("/find-support");
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    const policy = expectHardened(page);
    expect(policy["style-src"]).toBe("'self'");
    expect(page.headers["cache-control"]).toBe("no-store");
    // The page needs none of what the policy forbids: no inline script, style or style attribute.
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)|<style|\sstyle="|\son[a-z]+="/i);
    const stylesheet = await get("/assets/design-system.css");
    expect(stylesheet.body).toContain(".cairn-header{background:#0065bd}");
  });

  it("a JSON reply about people: hardened and never stored", async () => {
    const people = await get("/api/people", await demoUser(cairn, "social-worker"));
    expect(people.statusCode).toBe(200);
    expectHardened(people);
    expect(people.headers["cache-control"]).toBe("no-store");
  });

  it("a problem (401, 404) is hardened and never stored too", async () => {
    for (const url of ["/api/people", "/api/nothing-here"]) {
      const res = await get(url);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expectHardened(res);
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  it("a letter about a person (PDF): hardened and never stored", async () => {
    const j = await journey(cairn).budget();
    const pdf = await get(`/api/people/${j.personId}/budget.pdf`, j.worker);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expectHardened(pdf);
    expect(pdf.headers["cache-control"]).toBe("no-store");
  });

  it("a CSV download: hardened and never stored", async () => {
    const [latest] = (await finance.get("/api/ras-versions")).body.versions;
    const csv = await get(`/api/ras-versions/${latest.id}/impact.csv`, finance);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    expectHardened(csv);
    expect(csv.headers["cache-control"]).toBe("no-store");
  });

  it("the API docs: their own CSP, still never framed, no inline script", async () => {
    const docs = await get("/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toMatch(/^text\/html/);
    const policy = expectHardened(docs);
    expect(policy["script-src"]).toBe("'self'");
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)/i);
    expect(docs.headers["cache-control"]).toBe("no-store");
    const script = await get("/docs/static/swagger-initializer.js");
    expect(script.statusCode).toBe(200);
    expect(script.headers["cache-control"]).not.toBe("no-store");
  });

  it("open data and the public directory may be cached: no one's record is in them", async () => {
    for (const url of ["/api/open-referral/services", "/api/public/support"]) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expectHardened(res);
      expect(res.headers["cache-control"]).toBeUndefined();
    }
  });

  it("over HTTPS (secure cookies): HSTS, and plain-HTTP subresources upgraded", async () => {
    // The same database, served as with CAIRN_SECURE_COOKIES=1.
    const secure = await buildHttpApp(
      routeDeps(cairn.database, { secureCookies: true }),
      registerRoutes,
    );
    try {
      const res = await secure.inject({ method: "GET", url: "/api/health" });
      expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      expect(csp(res)).toHaveProperty("upgrade-insecure-requests");
      expect(res.headers["cache-control"]).toBe("no-store");
    } finally {
      await secure.close();
    }
  });
});
