import { describe, expect, it } from "vitest";
import { normalisePostcode, postcodeDistrict } from "./postcode";

describe("postcodeDistrict", () => {
  it.each([
    ["KY1 2AB", "KY1"],
    ["ky16 9aj", "KY16"],
    ["KY169AJ", "KY16"],
    ["EH1", "EH1"],
    ["  dd10  ", "DD10"],
    ["EC1A 1BB", "EC1A"],
    ["nowhere", ""],
    ["12345", ""],
    ["", ""],
  ])("%s is in district %s", (text, district) => {
    expect(postcodeDistrict(text)).toBe(district);
  });
});

describe("normalisePostcode", () => {
  it.each([
    ["ky12ab", "KY1 2AB"],
    [" KY16  9AJ ", "KY16 9AJ"],
    ["KY1", null],
    ["not a postcode", null],
  ])("%s is written %s", (text, written) => {
    expect(normalisePostcode(text)).toBe(written);
  });
});
