import { describe, expect, it } from "vitest";
import { appRoleGrants, ident, ownerWarning } from "./roles";

describe("the app role's grants", () => {
  it("give rows only: no TRUNCATE, REFERENCES, TRIGGER, nor CREATE in the schema", () => {
    const grants = appRoleGrants("cairn_app");
    expect(grants).toContain(
      'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "cairn_app"',
    );
    expect(grants).toContain('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "cairn_app"');
    expect(grants).not.toMatch(/GRANT[^;]*(TRUNCATE|REFERENCES|TRIGGER|CREATE|ALL PRIVILEGES)/);
    expect(grants).toContain("REVOKE UPDATE, DELETE ON %I");
  });

  it("quote the role's name", () => {
    expect(ident('odd"name')).toBe('"odd""name"');
  });
});

describe("running as the owner", () => {
  it("is warned about at start, saying what it allows and what to set", () => {
    const text = ownerWarning({ name: "cairn", superuser: false });
    expect(text).toMatch(
      /^WARNING: Cairn runs as the database role "cairn", which owns the tables/,
    );
    expect(text).toMatch(/TRUNCATE, DROP or disable the triggers/);
    expect(text).toMatch(/CAIRN_MIGRATION_URL/);
  });
});
