import { describe, expect, it } from "vitest";
import { ageOn, type CarerPlanKind, carerPlanKind } from "./carers";

describe("ageOn", () => {
  it.each([
    ["2008-11-24", "2026-11-24", 18],
    ["2008-11-25", "2026-11-24", 17],
    ["2008-02-29", "2026-02-28", 17],
    ["1960-01-01", "2026-11-24", 66],
  ])("born %s, on %s: %i", (born, day, age) => {
    expect(ageOn(born, day)).toBe(age);
  });
});

describe("carerPlanKind", () => {
  it.each<[string, boolean, CarerPlanKind]>([
    ["2010-05-01", false, "young-carer-statement"],
    ["2008-11-25", false, "young-carer-statement"], // 17 today
    ["2008-11-24", true, "young-carer-statement"], // 18 and at school
    ["2008-11-24", false, "adult-carer-support-plan"], // 18, left school
    ["2007-01-01", true, "adult-carer-support-plan"], // 19, even at school
    ["1970-06-06", false, "adult-carer-support-plan"],
  ])("born %s, at school %s: %s", (born, atSchool, kind) => {
    expect(carerPlanKind(born, "2026-11-24", atSchool)).toBe(kind);
  });
});
