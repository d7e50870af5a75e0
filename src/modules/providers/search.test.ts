import { describe, expect, it } from "vitest";
import {
  postcodeDistrict,
  type SearchableProvider,
  type SupportQuery,
  searchProviders,
} from "./search";

const p = (name: string, over: Partial<SearchableProvider>): SearchableProvider => ({
  id: name,
  name,
  kind: "voluntary",
  serviceType: "Care at Home",
  town: "Kirkcaldy",
  postcode: "KY1 2AB",
  minGrade: 4,
  summary: "",
  ...over,
});
const all = [
  p("Alpha Care", { minGrade: 5 }),
  p("Beta Support", {
    kind: "private",
    town: "Leven",
    postcode: "KY8 4BU",
    serviceType: "Housing Support",
  }),
  p("Gamma Co-op", { kind: "employee-owned", minGrade: null, postcode: null }),
];
const none: SupportQuery = { text: "", kind: "", minGrade: null, postcodeDistrict: "" };
const names = (found: SearchableProvider[]) => found.map((x) => x.name);

describe("searchProviders", () => {
  it.each<[string, Partial<SupportQuery>, string[]]>([
    ["no filters: best graded first", {}, ["Alpha Care", "Beta Support", "Gamma Co-op"]],
    ["by kind", { kind: "private" }, ["Beta Support"]],
    ["by lowest grade, leaving out the ungraded", { minGrade: 5 }, ["Alpha Care"]],
    ["by postcode district", { postcodeDistrict: "KY8" }, ["Beta Support"]],
    ["by words in any order and case", { text: "support leven" }, ["Beta Support"]],
  ])("%s", (_name, q, expected) => {
    expect(names(searchProviders(all, { ...none, ...q }))).toEqual(expected);
  });
});

describe("postcodeDistrict", () => {
  it.each([
    ["ky1 2ab", "KY1"],
    ["KY16", "KY16"],
    ["EH1 1YZ", "EH1"],
    ["G2", "G2"],
    ["not a postcode", ""],
  ])("%s -> %s", (text, district) => {
    expect(postcodeDistrict(text)).toBe(district);
  });
});
