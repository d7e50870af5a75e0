import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

// Issue 13, finding 9: a provider's identity (name, kind, Care Inspectorate number) is changed
// only by the council; the provider asks, a commissioner or administrator approves or rejects.

let cairn: Cairn;
let commissioner: TestUser;
let staff: TestUser;
let providerId: string;

beforeAll(async () => {
  cairn = await startTestCairn();
  commissioner = await demoUser(cairn, "commissioner");
  staff = await demoUser(cairn, "provider-staff");
  providerId = (await staff.get("/api/session")).body.user.providerId;
});
afterAll(() => cairn.close());

const entryNow = async () => {
  const { provider } = (await staff.get(`/api/providers/${providerId}`)).body;
  const { id, minGrade, version, updatedAt, onFramework, ...entry } = provider;
  return { entry, version: version as number };
};

describe("a provider's identity", () => {
  it.each([
    ["name", { name: '=HYPERLINK("http://x","Click")' }],
    ["kind", { kind: "in-house" }],
    ["careInspectorateNumber", { careInspectorateNumber: "CS2099000001" }],
  ])(
    "is not changed by the provider's own staff (%s): 403, nothing changed",
    async (field, change) => {
      const { entry, version } = await entryNow();
      const reply = await staff.send("PUT", `/api/providers/${providerId}`, {
        ...entry,
        ...change,
      });
      expect(reply.status).toBe(403);
      expect(reply.body.errors.map((e: { path: string }) => e.path)).toEqual([field]);
      const after = await entryNow();
      expect(after).toEqual({ entry, version });
    },
  );

  it("is changed by the council, asked by the provider: approved, as a new version", async () => {
    const { entry, version } = await entryNow();
    const newName = `${entry.name} (renamed ${Date.now()})`;
    const asked = await staff.post(`/api/providers/${providerId}/identity-requests`, {
      name: newName,
      kind: entry.kind,
      reason: "We merged with another charity",
    });
    expect(asked.status).toBe(201);
    expect(asked.body.fields).toEqual(["name"]);
    expect((await entryNow()).entry.name).toBe(entry.name);
    // The provider cannot decide its own request.
    const url = `/api/provider-identity-requests/${asked.body.id}/decision`;
    expect((await staff.post(url, { decision: "approved" })).status).toBe(403);

    const open = (await commissioner.get("/api/provider-identity-requests")).body.requests;
    expect(open).toContainEqual(
      expect.objectContaining({
        id: asked.body.id,
        providerId,
        current: expect.objectContaining({ name: entry.name }),
        requested: { name: newName },
      }),
    );
    const approved = await commissioner.post(url, { decision: "approved" });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ status: "approved", changed: ["name"] });
    const after = await entryNow();
    expect(after.entry.name).toBe(newName);
    expect(after.version).toBe(version + 1);
    const history = (await commissioner.get(`/api/providers/${providerId}/history`)).body.versions;
    expect(history[0]).toMatchObject({ changedFields: ["name"], snapshot: { name: newName } });
    expect((await commissioner.post(url, { decision: "rejected" })).status).toBe(409);
    const mine = (await staff.get(`/api/providers/${providerId}/identity-requests`)).body.requests;
    expect(mine[0]).toMatchObject({ id: asked.body.id, status: "approved" });
  });

  it("stays as it is when the council rejects the request", async () => {
    const { entry, version } = await entryNow();
    const asked = await staff.post(`/api/providers/${providerId}/identity-requests`, {
      kind: "in-house",
    });
    expect(asked.status).toBe(201);
    const rejected = await commissioner.post(
      `/api/provider-identity-requests/${asked.body.id}/decision`,
      { decision: "rejected", note: "You are not a council service" },
    );
    expect(rejected.status).toBe(200);
    expect(await entryNow()).toEqual({ entry, version });
  });

  it("still lets the provider keep its other details up to date itself", async () => {
    const { entry } = await entryNow();
    const reply = await staff.send("PUT", `/api/providers/${providerId}`, {
      ...entry,
      phone: "01592 000 222",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.changed).toEqual(["phone"]);
  });

  it("is changed by a commissioner directly", async () => {
    const { entry } = await entryNow();
    const reply = await commissioner.send("PUT", `/api/providers/${providerId}`, {
      ...entry,
      name: `${entry.name}.`,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.changed).toEqual(["name"]);
  });
});
