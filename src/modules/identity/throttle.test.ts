import { describe, expect, it } from "vitest";
import { loginThrottle } from "./throttle";

const now = new Date("2026-11-24T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("loginThrottle", () => {
  it.each([
    ["no failures", [], true],
    ["four recent failures", [1, 2, 3, 4], true],
    ["five recent failures", [1, 2, 3, 4, 5], false],
    ["five failures, one outside the window", [1, 2, 3, 4, 16], true],
    ["six failures spread over an hour", [1, 10, 20, 30, 40, 50], true],
  ])("%s", (_name, ago, allowed) => {
    expect(loginThrottle(ago.map(minutesAgo), now).allowed).toBe(allowed);
  });

  it("says how long to wait: until the oldest counted failure leaves the window", () => {
    const decision = loginThrottle([1, 2, 3, 4, 10].map(minutesAgo), now);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: 5 * 60 });
  });
});
