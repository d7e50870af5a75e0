import { describe, expect, it } from "vitest";
import { unstorableText } from "./storable-text";

describe("text that cannot be stored", () => {
  it("finds a NUL or a lone surrogate anywhere in a request, by its path", () => {
    expect(
      unstorableText({
        params: { personId: "ok" },
        query: { search: "a\u0000b" },
        body: { person: { givenName: "Mo\ud800ira" }, outcomes: ["fine", "\udc00"] },
      }),
    ).toEqual([
      { path: "query.search", message: expect.stringMatching(/cannot be kept/) },
      { path: "person.givenName", message: expect.stringMatching(/cannot be kept/) },
      { path: "outcomes.1", message: expect.stringMatching(/cannot be kept/) },
    ]);
  });

  it("lets through every other text, a whole surrogate pair (an emoji) among it", () => {
    expect(
      unstorableText({ body: { note: "Ceòl agus 😀, tab\tand newline\n" }, query: {} }),
    ).toEqual([]);
  });
});
