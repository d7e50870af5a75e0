import { describe, expect, it } from "vitest";
import {
  type AssessmentContent,
  cannotChange,
  cannotReview,
  cannotStartAnother,
  incompleteForSubmission,
} from "./rules";
import type { AssessmentStatus } from "./schema";

describe("assessment state guards", () => {
  it.each<[AssessmentStatus, boolean]>([
    ["draft", true],
    ["returned", true],
    ["submitted", false],
    ["approved", false],
  ])("a %s assessment can be changed: %s", (status, allowed) => {
    expect(cannotChange(status) === null).toBe(allowed);
  });

  it.each<[AssessmentStatus | null, boolean]>([
    [null, true],
    ["approved", true],
    ["draft", false],
    ["submitted", false],
    ["returned", false],
  ])("a new assessment after one that is %s: %s", (latest, allowed) => {
    expect(cannotStartAnother(latest) === null).toBe(allowed);
  });
});

describe("four eyes", () => {
  const submitted = {
    status: "submitted" as const,
    authorId: "morag",
    editorIds: ["morag", "ravi"],
  };
  it.each<[string, typeof submitted, string, RegExp | null]>([
    ["another manager signs off", submitted, "fiona", null],
    ["the author", submitted, "morag", /someone else/],
    ["someone who saved a version", submitted, "ravi", /someone else/],
    ["a draft", { ...submitted, status: "draft" as never }, "fiona", /Only a submitted/],
  ])("%s", (_name, assessment, reviewer, problem) => {
    const found = cannotReview(assessment, reviewer);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });
});

describe("incompleteForSubmission", () => {
  const complete: AssessmentContent = {
    summary: "Talked at home",
    strengths: "",
    informalSupport: "",
    outcomes: [
      {
        inOwnWords: "See my pals",
        need: "Transport",
        nationalOutcome: "social-inclusion",
        talkingPoint: "Seeing people",
      },
    ],
    risks: [
      {
        whatCouldGoWrong: "A fall on the way",
        whatThePersonAccepts: "Some risk",
        whatReducesIt: "A stick",
      },
    ],
    participants: [{ name: "Isobel", role: "person", authority: "none" }],
  };
  it("accepts a complete assessment", () => {
    expect(incompleteForSubmission(complete)).toEqual([]);
  });
  it("names every missing field by its path", () => {
    const gaps = incompleteForSubmission({
      ...complete,
      summary: " ",
      outcomes: [{ inOwnWords: "", need: "x", nationalOutcome: "", talkingPoint: "" }],
      risks: [{ whatCouldGoWrong: "", whatThePersonAccepts: "", whatReducesIt: "" }],
    });
    expect(gaps.map((e) => e.path)).toEqual([
      "summary",
      "outcomes.0.inOwnWords",
      "outcomes.0.nationalOutcome",
      "risks.0.whatCouldGoWrong",
    ]);
  });
  it("needs at least one outcome", () => {
    expect(incompleteForSubmission({ ...complete, outcomes: [] })[0]?.path).toBe("outcomes");
  });
});
