import { describe, expect, it } from "vitest";
import { changedFields, ProviderEntry, ServiceEntry } from "./entries";

const service = {
  name: "Care at home",
  description: "Help at home, mornings and evenings.",
  supportTypes: ["personal-care"],
  localityIds: ["6f1c1b7e-3d7a-4b0e-9d55-0a4c2f1e2b3c"],
  capacityHoursPerWeek: 200,
  availableHoursPerWeek: 40,
  acceptingNewPeople: true,
  hourlyRate: "24.60",
  languages: ["en", "pl"],
  accessibleInformation: "We help you at home. One hour costs £24.60.",
};

const fieldsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("a service entry", () => {
  it("reads the rate into exact pence", () => {
    expect(ServiceEntry.parse(service).hourlyRate).toBe(2460);
  });

  it.each([
    [{ supportTypes: [] }, "supportTypes"],
    [{ supportTypes: ["teleportation"] }, "supportTypes.0"],
    [{ localityIds: [] }, "localityIds"],
    [{ availableHoursPerWeek: 201 }, "availableHoursPerWeek"],
    [{ capacityHoursPerWeek: 10001 }, "capacityHoursPerWeek"],
    [{ availableHoursPerWeek: -1 }, "availableHoursPerWeek"],
    [{ capacityHoursPerWeek: 2.5 }, "capacityHoursPerWeek"],
    [{ hourlyRate: "twenty" }, "hourlyRate"],
    [{ hourlyRate: "24.605" }, "hourlyRate"],
    [{ hourlyRate: "1500" }, "hourlyRate"],
    [{ languages: ["klingon"] }, "languages.0"],
    [{ accessibleInformation: "  " }, "accessibleInformation"],
  ])("refuses %o on %s", (change, field) => {
    expect(fieldsOf(ServiceEntry.safeParse({ ...service, ...change }))).toEqual([field]);
  });
});

describe("a provider entry", () => {
  const provider = { name: "Linn Care", kind: "employee-owned", serviceType: "Care at home" };

  it("writes the postcode the standard way and leaves blanks empty", () => {
    const entry = ProviderEntry.parse({ ...provider, postcode: "ky12ab", email: "" });
    expect(entry.postcode).toBe("KY1 2AB");
    expect(entry.email).toBeNull();
  });

  it.each([
    [{ kind: "robot" }, "kind"],
    [{ careInspectorateNumber: "CS123" }, "careInspectorateNumber"],
    [{ postcode: "KY1" }, "postcode"],
    [{ email: "not an email" }, "email"],
    [{ website: "ftp://example.org" }, "website"],
    [{ name: "" }, "name"],
  ])("refuses %o on %s", (change, field) => {
    expect(fieldsOf(ProviderEntry.safeParse({ ...provider, ...change }))).toEqual([field]);
  });
});

describe("changedFields", () => {
  it("names only the fields that differ, treating lists as sets", () => {
    const before = { name: "A", languages: ["en", "pl"], rate: 2460 };
    expect(changedFields(before, { name: "A", languages: ["pl", "en"], rate: 2460 })).toEqual([]);
    expect(changedFields(before, { name: "B", languages: ["en"], rate: 2460 })).toEqual([
      "name",
      "languages",
    ]);
  });
});
