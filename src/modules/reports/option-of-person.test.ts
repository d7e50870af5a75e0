import { describe, expect, it } from "vitest";
import { KIND_OF_OPTION, OPTION_OF_KIND } from "../contracts/terms";
import type { LineOption, PlanOption } from "../plans/costing";
import { optionOfPerson } from "./option-of-person";

describe("a person's SDS option, from the agreements in force for them", () => {
  it.each<[string, LineOption[], PlanOption | null]>([
    ["nothing in force yet", [], null],
    ["a direct payment agreement for each support", ["1", "1"], "1"],
    ["one three-way agreement", ["2"], "2"],
    ["two providers each holding part of the budget (Option 2 twice)", ["2", "2"], "2"],
    ["a council service order", ["3"], "3"],
    ["a direct payment and a provider-held budget", ["1", "2"], "4"],
    ["a service order beside a provider-held budget", ["2", "3", "2"], "4"],
    ["all three at once", ["3", "1", "2"], "4"],
  ])("%s", (_name, options, expected) => {
    expect(optionOfPerson(options)).toBe(expected);
  });
});

describe("the option each kind of agreement carries", () => {
  it("is Option 1 for a direct payment, 2 for a three-way agreement, 3 for a service order", () => {
    expect(OPTION_OF_KIND).toEqual({
      "direct-payment-agreement": "1",
      "three-way": "2",
      "service-order": "3",
    });
    for (const [option, kind] of Object.entries(KIND_OF_OPTION))
      expect(OPTION_OF_KIND[kind]).toBe(option);
  });
});
