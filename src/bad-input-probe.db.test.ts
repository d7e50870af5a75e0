import { connect } from "node:net";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_RAS } from "./demo/ras";
import type { Cairn } from "./server";
import { demoUser, startTestCairn, type TestUser } from "./testing/api";
import { journey } from "./testing/journey";

// Issue 13, finding 13: each bad input the issue names is a clear 4xx problem+json naming what
// is wrong, and changes nothing. On PostgreSQL too (DATABASE_URL), where requests run at once.

let cairn: Cairn;
let admin: TestUser;
let commissioner: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  admin = await demoUser(cairn, "administrator");
  commissioner = await demoUser(cairn, "commissioner");
});
afterAll(() => cairn.close());

const count = async (table: string) =>
  Number((await cairn.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);

function expectProblem(res: LightMyRequestResponse, status: number, title: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ type: "about:blank", status, title });
  expect(typeof body.detail).toBe("string");
  expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers["cache-control"]).toBe("no-store");
  return body as { detail: string; errors?: { path: string; message: string }[] };
}

describe("refusals before any route runs (issue 13)", () => {
  const send = (method: "GET" | "POST", url: string, headers = {}, payload?: string) =>
    cairn.app.inject({ method, url, headers, payload });
  const json = { "content-type": "application/json" };

  it("414: a part of the address over 100 characters", async () => {
    const res = await send("GET", `/api/people/${"a".repeat(101)}`);
    expect(expectProblem(res, 414, "Address too long").detail).toContain("100 characters");
  });

  it("400: an address with a broken %-encoding", async () => {
    expectProblem(await send("GET", "/api/people/%E0%A4%A"), 400, "Invalid address");
  });

  it("400: a body that is not JSON, without quoting it back", async () => {
    const res = await send("POST", "/api/session", json, '{"email": secret-words');
    const body = expectProblem(res, 400, "Invalid JSON");
    expect(body.detail).toBe("The request's body is not valid JSON.");
    expect(res.body).not.toContain("secret-words");
  });

  it("400: a JSON body that is empty", async () => {
    expectProblem(await send("POST", "/api/session", json, ""), 400, "Empty body");
  });

  it("413: a body over the limit", async () => {
    const big = JSON.stringify({ email: "x".repeat(1_100_000), password: "x" });
    expectProblem(await send("POST", "/api/session", json, big), 413, "Request too large");
  });

  it("415: a content type no route takes, named", async () => {
    const res = await send("POST", "/api/session", { "content-type": "application/xml" }, "<a/>");
    expect(expectProblem(res, 415, "Unsupported content type").detail).toContain("application/xml");
  });

  it("400 and 431 from Node's own parser, over a real connection: problem+json too", async () => {
    const address = await cairn.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = new URL(address);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), "127.0.0.1", () => socket.end(request));
        let text = "";
        socket.on("data", (chunk) => {
          text += chunk;
        });
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
    const garbled = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(garbled).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(garbled).toMatch(/content-type: application\/problem\+json/);
    expect(garbled).toMatch(/content-security-policy: default-src 'self'/);
    expect(garbled).toContain('"title":"Bad request"');
    const oversized = await raw(
      `GET /api/health HTTP/1.1\r\nHost: x\r\nCookie: ${"c".repeat(20_000)}\r\n\r\n`,
    );
    expect(oversized).toMatch(/^HTTP\/1\.1 431 /);
    expect(oversized).toMatch(/content-type: application\/problem\+json/);
    expect(oversized).toContain('"title":"Headers too large"');
  });

  it("404: an address with nothing there", async () => {
    expectProblem(await send("GET", "/api/no-such-thing"), 404, "Not found");
  });
});

describe("bad input to routes (issue 13)", () => {
  it("a NUL in a public search and half a surrogate pair in JSON are 400s", async () => {
    const nul = await cairn.app.inject({ url: "/api/open-referral/organizations?search=%00" });
    expectProblem(nul, 400, "Invalid request");
    const surrogate = await cairn.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/json" },
      payload: '{"email":"a\\ud800@example.org","password":"x"}',
    });
    expectProblem(surrogate, 400, "Invalid request");
  });

  it("a RAS whose numbers overflow is a 400 naming each, saving nothing", async () => {
    const huge = structuredClone(DEMO_RAS);
    (huge.questions[0]?.answers[3] as { points: number }).points = Number.MAX_SAFE_INTEGER;
    (huge.bands[2] as { pencePerPoint: Record<string, number> }).pencePerPoint["older people"] =
      Number.MAX_SAFE_INTEGER;
    const before = await count("ras_versions");
    const res = await cairn.app.inject({
      method: "POST",
      url: "/api/ras-versions",
      headers: { cookie: admin.cookieHeader, "x-csrf-token": admin.csrfToken },
      payload: { name: "Overflowing", effectiveFrom: "2026-01-01", definition: huge },
    });
    const body = expectProblem(res, 400, "Invalid request");
    // The answer itself, and every rate of the open band, which such points would overflow.
    expect(body.errors?.map((e) => e.path)).toEqual([
      "definition.questions.0.answers.3.points",
      ...DEMO_RAS.careGroups.map((group) => `definition.bands.2.pencePerPoint.${group}`),
    ]);
    expect(await count("ras_versions")).toBe(before);
  });

  it("a RAS drafted before the check cannot be published, nor give an amount past the limit", async () => {
    const j = await journey(cairn).eligible();
    const huge = structuredClone(DEMO_RAS);
    for (const band of huge.bands) band.pencePerPoint["older people"] = Number.MAX_SAFE_INTEGER;
    // As a draft saved by the old code would be, and then published by it.
    const [draft] = await cairn.database.query<{ id: string }>(
      `insert into ras_versions (version, name, effective_from, definition, status, created_by)
       select max(version) + 1, 'Saved unchecked', current_date, $1::jsonb, 'draft',
              (select id from users where role = 'administrator' limit 1)
       from ras_versions returning id`,
      [JSON.stringify(huge)],
    );
    const publish = await admin.post(`/api/ras-versions/${draft?.id}/publication`, {});
    expect(publish.status).toBe(409);
    expect(publish.body.detail).toMatch(/cannot be published: At this rate the method could give/);
    await cairn.database.query(
      "update ras_versions set status = 'published', published_at = now() where id = $1",
      [draft?.id],
    );
    const entries = await count("budget_entries");
    const scored = await j.worker.post(`/api/people/${j.personId}/indicative-budget`, {
      careGroup: "older people",
      answers: {
        "personal-care": "daily",
        "getting-out": "weekly",
        "daily-living": "some",
        safety: "some",
      },
    });
    expect(scored.status).toBe(400);
    expect(scored.body.errors[0]).toMatchObject({ path: "answers" });
    expect(scored.body.errors[0].message).toMatch(/more than £10,000,000.00 a year/);
    expect(await count("budget_entries")).toBe(entries);
  });

  it("a Care Inspectorate number another provider has is a 409 naming it, by either route", async () => {
    const entry = {
      name: "Numbered Care Ltd",
      kind: "private",
      careInspectorateNumber: "CS2099000001",
      serviceType: "Care at home",
    };
    expect((await commissioner.post("/api/providers", entry)).status).toBe(201);
    const providers = await count("providers");
    const again = await commissioner.post("/api/providers", { ...entry, name: "Copy Care Ltd" });
    expect(again.status).toBe(409);
    expect(again.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(again.body.detail).toBe(
      "Another provider in the directory already has the Care Inspectorate number CS2099000001.",
    );
    expect(again.body.errors).toEqual([
      { path: "careInspectorateNumber", message: again.body.detail },
    ]);
    expect(await count("providers")).toBe(providers);

    const other = await commissioner.post("/api/providers", {
      ...entry,
      name: "Other Care Ltd",
      careInspectorateNumber: "CS2099000002",
    });
    const renumbered = await commissioner.send("PUT", `/api/providers/${other.body.id}`, {
      ...entry,
      name: "Other Care Ltd",
    });
    expect(renumbered.status).toBe(409);
    expect(renumbered.body.detail).toContain("CS2099000001");
    const kept = await commissioner.get(`/api/providers/${other.body.id}`);
    expect(kept.body.careInspectorateNumber ?? kept.body.provider?.careInspectorateNumber).toBe(
      "CS2099000002",
    );
  });

  it("accounts made at once with one email: one 201, the others 409 naming it", async () => {
    const people = await Promise.all(
      ["Ann", "Bea", "Cat", "Dot", "Eve"].map((name) => journey(cairn).referred(name)),
    );
    const accounts = await count("users");
    const replies = await Promise.all(
      people.map((j) =>
        j.worker.post(`/api/people/${j.personId}/accounts`, {
          // Each person already signs in (the journey gives them a sign-in): a representative.
          kind: "representative",
          email: "shared.inbox@example.org",
          displayName: "One inbox",
          relationship: "Daughter",
          authority: "welfare-power-of-attorney",
        }),
      ),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    for (const refused of replies.filter((r) => r.status === 409)) {
      expect(refused.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(refused.body.errors).toEqual([{ path: "email", message: expect.any(String) }]);
    }
    expect(await count("users")).toBe(accounts + 1);
  });
});
