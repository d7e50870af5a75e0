import { describe, expect, it } from "vitest";
import { errorKind } from "./app";

describe("what the log says of a server error", () => {
  it("names its kind and code, never its message or a query's parameters", () => {
    class DrizzleQueryError extends Error {}
    const failed = new DrizzleQueryError(
      "Failed query: insert into users (email, password_hash) values ($1, $2)\nparams: moira@example.org,$argon2id$v=19$...",
      { cause: { code: "23505" } },
    );
    const logged = JSON.stringify(errorKind(failed));
    expect(errorKind(failed)).toEqual({ kind: "DrizzleQueryError", code: "23505" });
    expect(logged).not.toContain("moira");
    expect(logged).not.toContain("argon2");
  });

  it("says what it can of something thrown that is not an Error", () => {
    expect(errorKind("a string")).toEqual({ kind: "string" });
    expect(errorKind(null)).toEqual({ kind: "object" });
  });
});
