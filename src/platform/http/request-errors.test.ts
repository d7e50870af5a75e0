import { describe, expect, it } from "vitest";
import { fastifyProblem, uniqueConflict } from "./request-errors";

describe("uniqueConflict", () => {
  const conflicts = {
    users_email_unique: {
      path: "email",
      message: (taken: string | null) => `There is already an account for ${taken ?? "it"}.`,
    },
  };
  const violation = (constraint: string, detail?: string) => ({
    message: "Failed query: insert into users ... params: secret",
    cause: { code: "23505", constraint, detail },
  });

  it("is a 409 naming the value taken, from the error Drizzle wraps", () => {
    const problem = uniqueConflict(
      violation("users_email_unique", "Key (email)=(ann@example.org) already exists."),
      conflicts,
    );
    expect(problem?.toJSON()).toEqual({
      type: "about:blank",
      title: "Already taken",
      status: 409,
      detail: "There is already an account for ann@example.org.",
      errors: [{ path: "email", message: "There is already an account for ann@example.org." }],
    });
  });

  it("says it plainly when the database does not name the value", () => {
    expect(uniqueConflict(violation("users_email_unique"), conflicts)?.detail).toBe(
      "There is already an account for it.",
    );
  });

  it("leaves undeclared constraints and other errors alone (still a 500)", () => {
    expect(uniqueConflict(violation("some_other_unique"), conflicts)).toBeNull();
    expect(uniqueConflict({ cause: { code: "23503" } }, conflicts)).toBeNull();
    expect(uniqueConflict(new Error("boom"), conflicts)).toBeNull();
  });
});

describe("fastifyProblem", () => {
  it("names an unsupported content type, printable and short", () => {
    const problem = fastifyProblem(
      { code: "FST_ERR_CTP_INVALID_MEDIA_TYPE", statusCode: 415 },
      `text/x-<script>${"a".repeat(200)}; charset=utf-8`,
    );
    expect(problem?.status).toBe(415);
    expect(problem?.detail).not.toContain("<script>");
    expect(problem?.detail.length).toBeLessThan(200);
  });

  it("never quotes a body that is not JSON back", () => {
    const error = Object.assign(new SyntaxError('Unexpected token s, "{secret" is not valid'), {
      statusCode: 400,
    });
    expect(fastifyProblem(error)?.detail).toBe("The request's body is not valid JSON.");
  });
});
