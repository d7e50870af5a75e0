import { describe, expect, it } from "vitest";
import { duplicateReasons, isCertainMatch, type PersonIdentity } from "./duplicates";

const isobel: PersonIdentity = {
  givenName: "Isobel",
  familyName: "Reid",
  dateOfBirth: "1948-05-17",
  chi: "1705481234",
};

describe("duplicateReasons", () => {
  it.each<[string, Partial<PersonIdentity>, string[]]>([
    [
      "the same CHI number",
      { givenName: "Bel", familyName: "Other", dateOfBirth: "1950-01-01" },
      ["Same CHI number"],
    ],
    [
      "family name and birth, in other case and spacing",
      { givenName: "Ishbel", familyName: " reid ", chi: null },
      ["Same family name and date of birth"],
    ],
    [
      "given name and birth (a married name)",
      { familyName: "Murray", chi: null },
      ["Same given name and date of birth"],
    ],
    ["the same name, another birthday", { dateOfBirth: "1949-05-17", chi: null }, ["Same name"]],
    [
      "nothing in common",
      { givenName: "Ann", familyName: "Scott", dateOfBirth: "1960-01-01", chi: "0101600000" },
      [],
    ],
  ])("%s", (_name, change, reasons) => {
    expect(duplicateReasons({ ...isobel, ...change }, isobel)).toEqual(reasons);
  });

  it("treats only a CHI match as certain", () => {
    expect(isCertainMatch(["Same CHI number", "Same name"])).toBe(true);
    expect(isCertainMatch(["Same family name and date of birth"])).toBe(false);
  });
});
