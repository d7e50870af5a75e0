import { describe, expect, it } from "vitest";
import { chiCheckDigit, chiProblem } from "./chi";

describe("chiCheckDigit", () => {
  it.each([
    ["010150001", 7],
    ["311299456", 6],
    ["290200234", 3],
    ["050505050", 1],
    ["170548123", null], // remainder 1: check 10 is never issued
  ])("%s -> %s", (nine, digit) => {
    expect(chiCheckDigit(nine)).toBe(digit);
  });
});

describe("chiProblem", () => {
  it.each<[string, string | undefined, RegExp | null]>([
    ["0101500017", undefined, null],
    ["3112994566", "1899-12-31", null],
    ["2902002343", "2000-02-29", null],
    ["0101500017", "1950-01-01", null],
    ["0101500018", undefined, /check digit/],
    ["0101500071", undefined, /check digit/],
    ["3102501234", undefined, /not a real date/],
    ["0013500000", undefined, /not a real date/],
    ["2902012343", undefined, /not a real date/],
    ["010150001", undefined, /10 digits/],
    ["01015O0017", undefined, /10 digits/],
    ["0101500017", "1950-01-02", /does not match the date of birth/],
  ])("%s (born %s)", (chi, dob, problem) => {
    const found = chiProblem(chi, dob);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
