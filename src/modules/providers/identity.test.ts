import { describe, expect, it } from "vitest";
import { cannotDecideIdentity, identityChanges } from "./identity";

const current = { name: "Callander Care", kind: "private", careInspectorateNumber: "CS2003000001" };

describe("a provider's identity", () => {
  it("names the identity fields an entry would change, and only those", () => {
    expect(identityChanges(current, { ...current, name: "Callander Care" })).toEqual([]);
    expect(identityChanges(current, { ...current, kind: "council" })).toEqual(["kind"]);
    expect(
      identityChanges(current, { name: "=HYPERLINK()", careInspectorateNumber: null }),
    ).toEqual(["name", "careInspectorateNumber"]);
    expect(identityChanges(current, {})).toEqual([]);
  });

  it("is decided once", () => {
    expect(cannotDecideIdentity("open")).toBeNull();
    expect(cannotDecideIdentity("approved")).toMatch(/already/);
  });
});
