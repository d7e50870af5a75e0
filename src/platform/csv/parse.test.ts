import { describe, expect, it } from "vitest";
import { csvObjects, parseCsv } from "./parse";

describe("parseCsv", () => {
  it("reads quoted commas, doubled quotes and newlines, with the line each record starts on", () => {
    const text = 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\nlast,1';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["two\nlines", "z"] },
      { line: 5, fields: ["last", "1"] },
    ]);
  });

  it("names the line of an unclosed quote", () => {
    expect(() => parseCsv('a\n"open,\nb')).toThrow(/line 2/);
  });

  it("keys rows by header", () => {
    expect(csvObjects("\uFEFFCSNumber,ServiceName\nCS1,Home Care\n")).toEqual([
      { line: 2, row: { CSNumber: "CS1", ServiceName: "Home Care" } },
    ]);
  });
});
