import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { demoRoutes } from "./demo/routes";
import { seedDemoOnce } from "./demo/seed";
import { recordAudit } from "./platform/audit/audit";
import { auditLog } from "./platform/audit/schema";
import { createTestDatabase } from "./platform/db/testing";
import { type App, buildHttpApp, type RouteDeps } from "./platform/http/app";
import { command, publicRoute } from "./platform/http/command";
import { conflict } from "./platform/http/problem";
import { registerRoutes } from "./routes";
import { type Cairn, routeDeps } from "./server";
import { demoUser, TestUser } from "./testing/api";
import { castOf } from "./testing/cast";

// The one route pipeline, exercised through routes of its own beside the real ones.

const Params = z.object({ personId: z.uuid("That is not a person's id") });

function pipelineRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/test/people/:personId",
    schema: { tags: ["Test"], summary: "read", params: Params },
    access: { action: "read", resource: "person" },
    find: ({ params }) => ({ id: params.personId, personId: params.personId }),
    run: ({ relationship, may }) => ({ relationship, mayAssess: may("create", "assessment") }),
  });
  command(app, deps, {
    method: "POST",
    url: "/api/test/people/:personId/notes",
    schema: {
      tags: ["Test"],
      summary: "write",
      params: Params,
      body: z.object({ refuse: z.boolean(), fail: z.boolean() }),
    },
    access: { action: "create", resource: "assessment" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    guard: ({ body }) => (body.refuse ? "The person's journey is not at this step." : null),
    run: async ({ db, body, actor, audit }) => {
      // A write of the route's own, which must vanish if the route fails after it.
      await recordAudit(db, [
        {
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: "write",
          resourceType: "note",
          outcome: "allowed",
        },
      ]);
      if (body.fail) throw new Error("failed after writing");
      audit({ resourceId: "note-1", detail: { said: "hello" } });
      return { written: true };
    },
    status: 201,
  });
  command(app, deps, {
    method: "POST",
    url: "/api/test/checks",
    schema: { tags: ["Test"], summary: "check", body: z.object({}) },
    access: { action: "create", resource: "referral" },
    // What a check audits (e.g. the duplicates it showed) stays when the write is then refused.
    check: ({ db, actor }) =>
      recordAudit(db, [
        {
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: "match",
          resourceType: "check",
          outcome: "allowed",
        },
      ]),
    run: () => {
      throw conflict("Refused after the check.");
    },
  });
  command(app, deps, {
    method: "GET",
    url: "/api/test/people",
    schema: { tags: ["Test"], summary: "list" },
    access: { action: "list", resource: "person" },
    run: async ({ db, personIds, shown }) => {
      const { people } = await import("./modules/people/schema");
      const { inArray } = await import("drizzle-orm");
      const rows = await db
        .select({ id: people.id })
        .from(people)
        .where(inArray(people.id, personIds("read")));
      shown(rows.map((r) => ({ resourceId: r.id, personId: r.id })));
      return { ids: rows.map((r) => r.id) };
    },
  });
}

let cairn: Cairn;
beforeAll(async () => {
  const database = await createTestDatabase();
  await seedDemoOnce(database.db);
  const app = await buildHttpApp(routeDeps(database, { secureCookies: false }), (a, d) => {
    registerRoutes(a, d);
    demoRoutes(a, d);
    pipelineRoutes(a, d);
  });
  cairn = {
    app,
    database,
    setupLink: null,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
});
afterAll(() => cairn.close());

const auditCount = async (where: Record<string, string>) => {
  const conditions = Object.entries(where).map(([k, v]) => eq(auditLog[k as "action"], v as never));
  const [row] = await cairn.database.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(...conditions));
  return row?.n ?? 0;
};

async function aPersonOf(worker: TestUser): Promise<string> {
  const people = (await worker.get("/api/people")).body.people;
  if (!people.length) throw new Error("the demo worker has no caseload");
  return people[0].id;
}

describe("command(): the one route pipeline", () => {
  it("asks an unsigned caller to sign in, and finds no person before any access", async () => {
    const { worker } = await castOf(cairn);
    const personId = await aPersonOf(worker);
    expect((await new TestUser(cairn).get(`/api/test/people/${personId}`)).status).toBe(401);
    const missing = await worker.get("/api/test/people/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
  });

  it("resolves the relationship, authorises, says what else the actor may do, and audits once", async () => {
    const { worker, provider } = await castOf(cairn);
    const personId = await aPersonOf(worker);
    const before = await auditCount({ resourceType: "person", personId, outcome: "allowed" });
    const read = await worker.get(`/api/test/people/${personId}`);
    expect(read.body).toEqual({ relationship: "allocated-worker", mayAssess: true });
    expect(await auditCount({ resourceType: "person", personId, outcome: "allowed" })).toBe(
      before + 1,
    );
    const refused = await provider.get(`/api/test/people/${personId}`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(
      /provider-staff may read person only as supporting-provider/,
    );
    expect(
      await auditCount({ resourceType: "person", personId, outcome: "denied" }),
    ).toBeGreaterThan(0);
  });

  it("refuses by the state guard as a 409 problem and writes nothing", async () => {
    const { worker } = await castOf(cairn);
    const personId = await aPersonOf(worker);
    const writes = await auditCount({ resourceType: "note" });
    const refused = await worker.post(`/api/test/people/${personId}/notes`, {
      refuse: true,
      fail: false,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe("The person's journey is not at this step.");
    expect(await auditCount({ resourceType: "note" })).toBe(writes);
  });

  it("writes and audits in one transaction: a failure after the write keeps neither", async () => {
    const { worker } = await castOf(cairn);
    const personId = await aPersonOf(worker);
    const writes = await auditCount({ resourceType: "note" });
    const audited = await auditCount({ resourceType: "assessment", action: "create", personId });
    const failed = await worker.post(`/api/test/people/${personId}/notes`, {
      refuse: false,
      fail: true,
    });
    expect(failed.status).toBe(500);
    expect(failed.body.reference).toMatch(/^[0-9a-f-]{36}$/); // quoted to the council; in the log
    expect(JSON.stringify(failed.body)).not.toContain("failed after writing");
    expect(await auditCount({ resourceType: "note" })).toBe(writes);
    expect(await auditCount({ resourceType: "assessment", action: "create", personId })).toBe(
      audited,
    );
    const made = await worker.post(`/api/test/people/${personId}/notes`, {
      refuse: false,
      fail: false,
    });
    expect(made.status).toBe(201);
    expect(await auditCount({ resourceType: "note" })).toBe(writes + 1);
    expect(
      await auditCount({
        resourceType: "assessment",
        action: "create",
        personId,
        resourceId: "note-1",
      }),
    ).toBe(audited + 1);
  });

  it("keeps what a check before the transaction audited, when the write is refused", async () => {
    const { worker } = await castOf(cairn);
    const checks = await auditCount({ resourceType: "check" });
    const refused = await worker.post("/api/test/checks", {});
    expect(refused.status).toBe(409);
    expect(await auditCount({ resourceType: "check" })).toBe(checks + 1);
  });

  it("scopes a listing by the same rules and audits each person shown", async () => {
    const { worker } = await castOf(cairn);
    const caseload = (await worker.get("/api/people")).body.people.map((p: { id: string }) => p.id);
    const listed = await worker.get("/api/test/people");
    expect(listed.body.ids.sort()).toEqual([...caseload].sort());
    const [first] = caseload;
    expect(
      await auditCount({ resourceType: "person", action: "list", personId: first }),
    ).toBeGreaterThan(0);
  });
});

describe("reads that were not audited before the one pipeline", () => {
  it("audits an administrator reading the audit log and the user list", async () => {
    const admin = await demoUser(cairn, "administrator");
    const logReads = await auditCount({ resourceType: "audit-log", action: "read" });
    const userLists = await auditCount({ resourceType: "user", action: "list" });
    expect((await admin.get("/api/audit?limit=5")).status).toBe(200);
    expect((await admin.get("/api/users")).status).toBe(200);
    expect(await auditCount({ resourceType: "audit-log", action: "read" })).toBe(logReads + 1);
    expect(await auditCount({ resourceType: "user", action: "list" })).toBe(userLists + 1);
  });
});

describe("text no database can store", () => {
  it("is a 400 naming the field, on a public route and a write, and nothing is written", async () => {
    const search = await new TestUser(cairn).get("/api/open-referral/organizations?search=%00");
    expect(search.status).toBe(400);
    expect(search.headers["content-type"]).toContain("application/problem+json");
    expect(search.body.errors).toEqual([{ path: "query.search", message: expect.any(String) }]);
    const { worker } = await castOf(cairn);
    const people = await auditCount({ resourceType: "referral", action: "create" });
    const referral = await worker.send(
      "POST",
      "/api/referrals",
      '{"person":{"givenName":"Mo\\u0000ira","familyName":"Nul\\ud800","dateOfBirth":"1950-01-01"}}',
      { "content-type": "application/json" },
    );
    expect(referral.status).toBe(400);
    expect(referral.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "person.givenName",
      "person.familyName",
    ]);
    expect(await auditCount({ resourceType: "referral", action: "create" })).toBe(people);
  });
});

describe("no route without a declared access", () => {
  it("stops the server at start-up, naming the route", async () => {
    const database = await createTestDatabase();
    try {
      await expect(
        buildHttpApp(routeDeps(database, { secureCookies: false }), (app) => {
          app.get("/api/undeclared", async () => ({}));
        }),
      ).rejects.toThrow(/GET \/api\/undeclared declares no access/);
    } finally {
      await database.close();
    }
  });

  it("lists every route in the OpenAPI document with the access it declares", async () => {
    const spec = (await new TestUser(cairn).get("/api/openapi.json")).body;
    const undeclared: string[] = [];
    const declared: string[] = [];
    for (const [path, operations] of Object.entries(spec.paths as Record<string, object>)) {
      for (const [method, operation] of Object.entries(
        operations as Record<string, Record<string, unknown>>,
      )) {
        const access = operation["x-access"];
        if (typeof access === "string" && access) declared.push(`${method} ${path}: ${access}`);
        else undeclared.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undeclared).toEqual([]);
    expect(declared.length).toBeGreaterThan(100);
    expect(declared).toContain("post /api/budget-entries/{budgetEntryId}/approval: approve budget");
  });
});

describe("behind a proxy (CAIRN_TRUST_PROXY)", () => {
  const clientAddress = async (trustProxy: false | number | string) => {
    const app = await buildHttpApp(
      routeDeps(cairn.database, { secureCookies: false }),
      (a, d) =>
        publicRoute(a, d, {
          method: "GET",
          url: "/api/test/address",
          schema: { tags: ["Test"], summary: "the client's address" },
          public: "a test",
          run: ({ request }) => ({ ip: request.ip }),
        }),
      { trustProxy },
    );
    try {
      const reply = await app.inject({
        url: "/api/test/address",
        headers: { "x-forwarded-for": "203.0.113.9" },
      });
      return reply.json().ip;
    } finally {
      await app.close();
    }
  };

  it("believes the forwarded address only from the proxies it is told to trust", async () => {
    expect(await clientAddress(false)).toBe("127.0.0.1");
    expect(await clientAddress(1)).toBe("203.0.113.9");
    expect(await clientAddress("127.0.0.1")).toBe("203.0.113.9");
    expect(await clientAddress("10.0.0.1")).toBe("127.0.0.1");
  });
});
