import { describe, expect, it } from "vitest";
import { LINK_HOURS, linkExpiry, passwordProblem } from "./password-rules";

describe("passwordProblem", () => {
  it.each([
    ["eleven chars", "abcdefghijk", /at least 12/],
    ["129 characters", `${"ab".repeat(64)}c`, /no more than 128/],
    ["a common password", "password1234", /common/],
    ["a common one dressed up", "Pass Word 1234!", /common/],
    ["one character", "zzzzzzzzzzzzzz", /different characters/],
    ["two characters", "abababababab", /different characters/],
    ["the email", "isla.owner@example.org", /name or email/],
    ["the name and a little", "Isla Owner 2026", /name or email/],
  ])("refuses %s", (_what, password, why) => {
    expect(
      passwordProblem(password, { email: "isla.owner@example.org", displayName: "Isla Owner" }),
    ).toMatch(why);
  });

  it.each([
    ["twelve plain letters", "correcthorse"],
    ["a passphrase with spaces", "heather on the hill at dawn"],
    ["128 characters", "a quiet walk ".repeat(10).slice(0, 128)],
    ["emoji counted as one character each", "🌧️☀️🌈🌧️☀️🌈🌧️☀️🌈ok"],
    ["no digits, no capitals, no symbols", "allotmentsaturdays"],
    ["the name among much else", "isla likes the allotment on saturdays"],
  ])("accepts %s", (_what, password) => {
    expect(
      passwordProblem(password, { email: "isla.owner@example.org", displayName: "Isla Owner" }),
    ).toBeNull();
  });
});

describe("linkExpiry", () => {
  it("gives a new account 72 hours and a reset 1 hour", () => {
    const now = new Date("2026-12-01T09:00:00Z");
    expect(LINK_HOURS).toEqual({ new: 72, "first-administrator": 72, reset: 1 });
    expect(linkExpiry("new", now)).toBe("2026-12-04T09:00:00.000Z");
    expect(linkExpiry("reset", now)).toBe("2026-12-01T10:00:00.000Z");
  });
});
