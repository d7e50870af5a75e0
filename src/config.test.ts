import { describe, expect, it } from "vitest";
import { readConfig } from "./config";

describe("CAIRN_TRUST_PROXY", () => {
  it("trusts no proxy unless told, then a number of hops or the proxies named", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ CAIRN_TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(readConfig({ CAIRN_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readConfig({ CAIRN_TRUST_PROXY: "10.0.0.1, 10.1.0.0/16" }).trustProxy).toBe(
      "10.0.0.1,10.1.0.0/16",
    );
  });

  it("refuses anything else, naming it, rather than trusting everyone", () => {
    expect(() => readConfig({ CAIRN_TRUST_PROXY: "true" })).toThrow(/not "true"/);
    expect(() => readConfig({ CAIRN_TRUST_PROXY: "10.0.0.1,proxy.example" })).toThrow(
      /not "proxy.example"/,
    );
  });
});
