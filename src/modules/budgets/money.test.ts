import { describe, expect, it } from "vitest";
import { MAX_RATE_PENCE, parsePounds } from "../../platform/money/pounds";
import { formatPence, parseBudgetAmount, weeklyFromAnnual } from "./money";

describe("parsePounds", () => {
  it.each([
    ["12345.67", 1234567],
    ["12,345.67", 1234567],
    ["£10400", 1040000],
    ["£ 10,400.5", 1040050],
    ["0.01", 1],
    ["  7.10 ", 710],
    // 0.1 + 0.2 style float traps stay exact
    ["1234567.89", 123456789],
  ])("%s -> %i pence", (text, pence) => {
    expect(parsePounds(text)).toEqual({ pence });
  });

  it.each(["", "abc", "12.345", "-5", "1,23.00", "12.", "1e5", "£"])("refuses %j", (text) => {
    expect(parsePounds(text)).toHaveProperty("error");
  });

  it("refuses any amount over £10,000,000, and a rate over its own cap", () => {
    expect(parsePounds("10,000,000")).toEqual({ pence: 1_000_000_000 });
    expect(parsePounds("10000000.01")).toEqual({
      error: "Enter an amount up to £10,000,000",
    });
    expect(parsePounds("21474836.48")).toHaveProperty("error");
    expect(parsePounds("1000", MAX_RATE_PENCE)).toEqual({ pence: 100_000 });
    expect(parsePounds("1000.01", MAX_RATE_PENCE)).toEqual({
      error: "Enter an amount up to £1,000",
    });
  });
});

describe("parseBudgetAmount", () => {
  it("refuses zero and amounts over the ceiling, naming the field", () => {
    expect(parseBudgetAmount("0", "annualAmount")).toMatchObject({ path: "annualAmount" });
    expect(parseBudgetAmount("10000000.01", "annualAmount")).toMatchObject({
      path: "annualAmount",
    });
    expect(parseBudgetAmount("10000000", "annualAmount")).toEqual({ pence: 1_000_000_000 });
  });
});

describe("weeklyFromAnnual", () => {
  it.each([
    [1040000, 20000],
    [5200, 100],
    [26, 1], // 0.5p rounds up
    [25, 0],
  ])("%i a year is %i a week", (annual, weekly) => {
    expect(weeklyFromAnnual(annual)).toBe(weekly);
  });
});

describe("formatPence", () => {
  it.each([
    [1234567, "£12,345.67"],
    [5, "£0.05"],
    [-250, "-£2.50"],
  ])("%i -> %s", (pence, text) => {
    expect(formatPence(pence)).toBe(text);
  });
});
