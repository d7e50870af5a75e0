import { describe, expect, it } from "vitest";
import { type CommunitySupport, matchSignposts } from "./signposting";

const support = (name: string, over: Partial<CommunitySupport>): CommunitySupport => ({
  id: name,
  name,
  description: "",
  contact: "",
  localityId: null,
  nationalOutcomes: [],
  talkingPoints: [],
  ...over,
});
const supports = [
  support("Lunch club", {
    localityId: "kirkcaldy",
    talkingPoints: ["Seeing people"],
    nationalOutcomes: ["social-inclusion"],
  }),
  support("Walking group", {
    localityId: "cupar",
    talkingPoints: ["Seeing people"],
    nationalOutcomes: ["health"],
  }),
  support("Advice line", { nationalOutcomes: ["wellbeing"] }),
  support("Chair exercise", { nationalOutcomes: ["health"], talkingPoints: ["Improved mobility"] }),
];
const names = (found: CommunitySupport[]) => found.map((s) => s.name);

describe("matchSignposts", () => {
  it("ranks by shared Talking Points outcomes first, then national outcomes, within the locality", () => {
    const found = matchSignposts(supports, {
      localityId: "kirkcaldy",
      talkingPoints: ["Seeing people", "Improved mobility"],
      nationalOutcomes: ["social-inclusion"],
    });
    // Lunch club 2 + 1, Chair exercise 2; the walking group is in another locality.
    expect(names(found)).toEqual(["Lunch club", "Chair exercise"]);
  });

  it("leaves out supports in other localities and those that fit no outcome", () => {
    const found = matchSignposts(supports, {
      localityId: "leven",
      talkingPoints: ["Seeing people"],
      nationalOutcomes: ["wellbeing"],
    });
    expect(names(found)).toEqual(["Advice line"]);
  });

  it("keeps to the limit", () => {
    const many = Array.from({ length: 9 }, (_, i) =>
      support(`S${i}`, { nationalOutcomes: ["health"] }),
    );
    expect(
      matchSignposts(many, { localityId: "x", talkingPoints: [], nationalOutcomes: ["health"] }, 3),
    ).toHaveLength(3);
  });
});
