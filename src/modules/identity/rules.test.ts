import { describe, expect, it } from "vitest";
import { cannotDisable, cannotEnable } from "./rules";

const on = { id: "u1", disabledAt: null };
const off = { id: "u1", disabledAt: "2026-12-01T09:00:00Z" };

describe("turning an account off and on", () => {
  it("lets an administrator turn off someone else's account that is on", () => {
    expect(cannotDisable(on, "admin")).toBeNull();
  });
  it("never lets administrators turn off their own account", () => {
    expect(cannotDisable(on, "u1")).toMatch(/your own account/);
  });
  it("refuses to turn off an account twice, or to turn on one that is on", () => {
    expect(cannotDisable(off, "admin")).toMatch(/already turned off/);
    expect(cannotEnable(on)).toMatch(/already on/);
    expect(cannotEnable(off)).toBeNull();
  });
});
