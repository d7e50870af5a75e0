import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";

let cairn: Cairn;
let commissioner: TestUser;
let providerStaff: TestUser;
let ownProviderId: string;
let localityIds: string[];
beforeAll(async () => {
  cairn = await startTestCairn();
  commissioner = await demoUser(cairn, "commissioner");
  providerStaff = await demoUser(cairn, "provider-staff");
  ownProviderId = (await providerStaff.get("/api/session")).body.user.providerId;
  localityIds = (await commissioner.get("/api/localities")).body.localities.map(
    (l: { id: string }) => l.id,
  );
});
afterAll(() => cairn.close());

const service = (over: object = {}) => ({
  name: "Short breaks at the coast",
  description: "Weekend breaks in a shared house in Elie.",
  supportTypes: ["short-breaks", "community-connection"],
  localityIds: localityIds.slice(0, 2),
  capacityHoursPerWeek: 120,
  availableHoursPerWeek: 30,
  acceptingNewPeople: true,
  hourlyRate: "26.10",
  languages: ["en", "gd"],
  accessibleInformation: "Weekend breaks by the sea. One hour of support costs £26.10.",
  ...over,
});

const versionsOf = async (providerId: string) =>
  (await commissioner.get(`/api/providers/${providerId}/history`)).body.versions as {
    entity: string;
    entityId: string;
    version: number;
    changedFields: string[];
  }[];

describe("registering providers of every kind", () => {
  it("registers a personal assistant, with its first version kept", async () => {
    const reply = await commissioner.post("/api/providers", {
      name: "Morven Reid, personal assistant",
      kind: "personal-assistant",
      serviceType: "Personal assistant",
      town: "Leven",
      postcode: "ky8 4aa",
    });
    expect(reply.status).toBe(201);
    expect(reply.body.postcode).toBe("KY8 4AA");
    const versions = await versionsOf(reply.body.id);
    expect(versions).toEqual([
      expect.objectContaining({ entity: "provider", version: 1, changedFields: [] }),
    ]);
  });

  it("refuses a bad entry with field errors and registers nothing", async () => {
    const before = (await commissioner.get("/api/providers")).body.providers.length;
    const reply = await commissioner.post("/api/providers", {
      name: "",
      kind: "robots",
      serviceType: "x",
      careInspectorateNumber: "CS1",
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "careInspectorateNumber",
      "kind",
      "name",
    ]);
    expect((await commissioner.get("/api/providers")).body.providers.length).toBe(before);
  });

  it("lets only commissioners and administrators register", async () => {
    const reply = await providerStaff.post("/api/providers", {
      name: "Self-registered",
      kind: "private",
      serviceType: "Care at home",
    });
    expect(reply.status).toBe(403);
  });
});

describe("provider staff keep their own entry up to date", () => {
  it("adds a service and changes its availability, each change a new version", async () => {
    const added = await providerStaff.post(`/api/providers/${ownProviderId}/services`, service());
    expect(added.status).toBe(201);
    expect(added.body.hourlyRatePence).toBe(2610);
    const url = `/api/providers/${ownProviderId}/services/${added.body.id}`;
    const full = await providerStaff.send(
      "PUT",
      url,
      service({ availableHoursPerWeek: 0, acceptingNewPeople: false }),
    );
    expect(full.status).toBe(200);
    expect(full.body.changed.sort()).toEqual(["acceptingNewPeople", "availableHoursPerWeek"]);
    expect(full.body.service.version).toBe(2);
    const same = await providerStaff.send(
      "PUT",
      url,
      service({ availableHoursPerWeek: 0, acceptingNewPeople: false }),
    );
    expect(same.body.changed).toEqual([]);
    const history = (await versionsOf(ownProviderId)).filter((v) => v.entityId === added.body.id);
    expect(history.map((v) => [v.version, v.changedFields.sort()])).toEqual([
      [2, ["acceptingNewPeople", "availableHoursPerWeek"]],
      [1, []],
    ]);
  });

  it("refuses more available hours than capacity, an unknown locality, and keeps the entry", async () => {
    const { body } = await providerStaff.get(`/api/providers/${ownProviderId}`);
    const existing = body.services[0];
    const url = `/api/providers/${ownProviderId}/services/${existing.id}`;
    const tooMany = await providerStaff.send(
      "PUT",
      url,
      service({ capacityHoursPerWeek: 10, availableHoursPerWeek: 20 }),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe("availableHoursPerWeek");
    const nowhere = await providerStaff.send(
      "PUT",
      url,
      service({ localityIds: [localityIds[0], "00000000-0000-4000-8000-000000000000"] }),
    );
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.errors[0].path).toBe("localityIds.1");
    const after = (await providerStaff.get(`/api/providers/${ownProviderId}`)).body.services[0];
    expect(after).toEqual(existing);
  });

  it("updates the provider's own contact details as a new version", async () => {
    const { provider } = (await providerStaff.get(`/api/providers/${ownProviderId}`)).body;
    const { id, minGrade, version, updatedAt, ...entry } = provider;
    const reply = await providerStaff.send("PUT", `/api/providers/${ownProviderId}`, {
      ...entry,
      phone: "01592 000 111",
    });
    expect(reply.status).toBe(200);
    expect(reply.body.changed).toEqual(["phone"]);
    expect(reply.body.provider.version).toBe(version + 1);
    const search = () => new TestUser(cairn).get("/api/public/support?q=orienteering");
    expect((await search()).body.total).toBe(0);
    await providerStaff.send("PUT", `/api/providers/${ownProviderId}`, {
      ...entry,
      summary: `${entry.summary} We also run orienteering days.`,
    });
    const found = (await search()).body.results;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r: { providerId: string }) => r.providerId === ownProviderId)).toBe(true);
  });

  it("refuses to let provider staff change another provider's entry", async () => {
    const others = (await commissioner.get("/api/providers")).body.providers.filter(
      (p: { id: string }) => p.id !== ownProviderId,
    );
    const other = others[0].id;
    const reply = await providerStaff.post(`/api/providers/${other}/services`, service());
    expect(reply.status).toBe(403);
    expect((await commissioner.get(`/api/providers/${other}`)).body.services).not.toContainEqual(
      expect.objectContaining({ name: "Short breaks at the coast" }),
    );
  });

  it("keeps the versions append-only in the database", async () => {
    await expect(
      cairn.database.query("update directory_versions set version = 99"),
    ).rejects.toThrow(/append-only|permission denied/);
  });
});
