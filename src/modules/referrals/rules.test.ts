import { describe, expect, it } from "vitest";
import { cannotDecideCheck, notAMatch, splitMatches } from "./rules";

describe("the duplicate check", () => {
  it("shows in full only the matches the worker may read, and counts the rest", () => {
    const [shown, counted] = splitMatches([{ id: "a" }, { id: "b" }, { id: "c" }], new Set(["b"]));
    expect(shown).toEqual([{ id: "b" }]);
    expect(counted).toEqual([{ id: "a" }, { id: "c" }]);
  });

  it("is decided once, and the same person only as one of its matches", () => {
    expect(cannotDecideCheck("open")).toBeNull();
    expect(cannotDecideCheck("same-person")).toMatch(/already/);
    expect(cannotDecideCheck("different-person")).toMatch(/already/);
    expect(notAMatch(["a"], { decision: "different-person" })).toBeNull();
    expect(notAMatch(["a"], { decision: "same-person", personId: "a" })).toBeNull();
    expect(notAMatch(["a"], { decision: "same-person", personId: "z" })).toMatch(/one of/);
  });
});
