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

describe("CAIRN_MIGRATION_URL", () => {
  it("is the owner that migrates, beside DATABASE_URL, the app role Cairn runs as", () => {
    const app = "postgres://cairn_app@db/cairn";
    const owner = "postgres://cairn_owner@db/cairn";
    expect(readConfig({ DATABASE_URL: app, CAIRN_MIGRATION_URL: owner }).database).toEqual({
      kind: "postgres",
      url: app,
      migrationUrl: owner,
    });
    expect(readConfig({ DATABASE_URL: app }).database).toEqual({ kind: "postgres", url: app });
  });

  it("is refused without DATABASE_URL, rather than running embedded", () => {
    expect(() => readConfig({ CAIRN_MIGRATION_URL: "postgres://cairn_owner@db/cairn" })).toThrow(
      /needs DATABASE_URL/,
    );
  });
});
