import { describe, expect, it } from "vitest";
import { type ChoiceRecord, principlesShown } from "./principles";

const full: ChoiceRecord = {
  participants: [
    { role: "person", name: "Isobel" },
    { role: "social-worker", name: "Eilidh" },
  ],
  informationGiven: [
    { option: "1", how: "Easy-read leaflet" },
    { option: "2", how: "Talked it through" },
    { option: "3", how: "Talked it through" },
  ],
  decidedBy: "person",
  reasons: "I want Linn to hold the money and my son to help me direct it.",
};

const met = (r: ChoiceRecord) =>
  Object.fromEntries(principlesShown(r).map((p) => [p.principle, p.met]));

describe("the four principles against what was recorded", () => {
  it("are all shown when the person chose, informed, with the worker, in their own words", () => {
    expect(met(full)).toEqual({
      involvement: true,
      collaboration: true,
      "informed-choice": true,
      "participation-and-dignity": true,
    });
  });

  it.each<[string, Partial<ChoiceRecord>, string]>([
    [
      "the person took no part",
      { participants: [{ role: "social-worker", name: "E" }] },
      "involvement",
    ],
    [
      "no social worker took part",
      { participants: [{ role: "person", name: "I" }] },
      "collaboration",
    ],
    [
      "Option 3 was not explained",
      { informationGiven: full.informationGiven.slice(0, 2) },
      "informed-choice",
    ],
    ["the worker decided", { decidedBy: "social-worker" }, "participation-and-dignity"],
    ["no reasons recorded", { reasons: "  " }, "participation-and-dignity"],
  ])("flags it when %s", (_name, change, principle) => {
    const checks = principlesShown({ ...full, ...change });
    const unmet = checks.filter((c) => !c.met).map((c) => c.principle);
    expect(unmet).toContain(principle);
    expect(checks.find((c) => c.principle === principle)?.evidence).toBeTruthy();
  });

  it("names the options no information was recorded about", () => {
    const check = principlesShown({
      ...full,
      informationGiven: [{ option: "2", how: "Talk" }],
    }).find((c) => c.principle === "informed-choice");
    expect(check?.evidence).toBe("No information is recorded about Option 1 or 3.");
  });
});
