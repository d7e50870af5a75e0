import { describe, expect, it } from "vitest";
import { ANY_SUPPORT, containsPattern, prefixQuery } from "./search";
import { SearchQuery, toSupportQuery } from "./search-routes";

describe("reading a search from the address bar", () => {
  it("reads nothing as any support", () => {
    expect(toSupportQuery(SearchQuery.parse({}))).toEqual(ANY_SUPPORT);
  });

  it("reads every filter into the query the directory runs", () => {
    const values = SearchQuery.parse({
      q: " gardening ",
      kind: "social-enterprise",
      supportType: "employment-support",
      language: "gd",
      locality: "6f1c1b7e-3d7a-4b0e-9d55-0a4c2f1e2b3c",
      minGrade: "4",
      postcode: "ky1 2ab",
      available: "yes",
      maxRate: "25.50",
    });
    expect(toSupportQuery(values)).toEqual({
      text: "gardening",
      kind: "social-enterprise",
      supportType: "employment-support",
      language: "gd",
      localityId: "6f1c1b7e-3d7a-4b0e-9d55-0a4c2f1e2b3c",
      minGrade: 4,
      postcodeDistrict: "KY1",
      availableNow: true,
      maxRatePence: 2550,
    });
  });

  it.each([
    [{ kind: "robots" }, "kind"],
    [{ supportType: "teleportation" }, "supportType"],
    [{ minGrade: "9" }, "minGrade"],
    [{ postcode: "nowhere" }, "postcode"],
    [{ locality: "Kirkcaldy" }, "locality"],
    [{ maxRate: "lots" }, "maxRate"],
    [{ page: "0" }, "page"],
    [{ available: "maybe" }, "available"],
  ])("refuses %o on the field %s", (query, field) => {
    const parsed = SearchQuery.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toEqual([field]);
  });
});

describe("containsPattern", () => {
  it("takes % and _ in a word literally", () => {
    expect(containsPattern("care")).toBe("%care%");
    expect(containsPattern("100%_x")).toBe("%100\\%\\_x%");
  });
});

describe("prefixQuery", () => {
  it.each([
    ["care hom", "care:* & hom:*"],
    ["St. Andrews", "St:* & Andrews:*"],
    ["  Kirkcaldy  ", "Kirkcaldy:*"],
    ["%", ""],
    ["'); drop table people; --", "drop:* & table:* & people:*"],
    ["Café Ceòl", "Café:* & Ceòl:*"],
  ])("%s -> %s", (text, query) => {
    expect(prefixQuery(text)).toBe(query);
  });
});
