import { describe, expect, it } from "vitest";
import {
  type AssessmentContent,
  cannotChange,
  cannotReview,
  cannotStartAnother,
  cannotWithdraw,
  incompleteForSubmission,
  signOffWaiting,
  whoMaySignOff,
} from "./rules";
import type { AssessmentStatus } from "./vocabulary";

describe("assessment state guards", () => {
  it.each<[AssessmentStatus, boolean]>([
    ["draft", true],
    ["returned", true],
    ["submitted", false],
    ["approved", false],
    ["completed", false],
  ])("a %s assessment can be changed: %s", (status, allowed) => {
    expect(cannotChange(status) === null).toBe(allowed);
  });

  it.each<[AssessmentStatus | null, boolean]>([
    [null, true],
    ["approved", true],
    ["completed", true],
    ["draft", false],
    ["submitted", false],
    ["returned", false],
  ])("a new assessment after one that is %s: %s", (latest, allowed) => {
    expect(cannotStartAnother(latest) === null).toBe(allowed);
  });
});

describe("no dead end: someone may always act on a submitted assessment", () => {
  it.each<[AssessmentStatus, boolean]>([
    ["submitted", true],
    ["draft", false],
    ["approved", false],
    ["completed", false],
  ])("a %s assessment can be taken back to draft: %s", (status, allowed) => {
    expect(cannotWithdraw(status) === null).toBe(allowed);
  });

  const alan = { id: "alan", displayName: "Alan Reid" };
  const fiona = { id: "fiona", displayName: "Fiona Grant" };
  const ravi = { id: "ravi", displayName: "Ravi Shah" };
  it.each<[string, Parameters<typeof whoMaySignOff>[0], string[], RegExp]>([
    [
      "the author is the team's only manager: no one, and the page says how to unblock it",
      { authorId: "alan", editorIds: ["alan"], teamManagers: [alan], named: null },
      [],
      /No team manager other than Alan Reid.*administrator can name/,
    ],
    [
      "an administrator named a manager of another team",
      { authorId: "alan", editorIds: ["alan"], teamManagers: [alan], named: fiona },
      ["fiona"],
      /other than Alan Reid: Fiona Grant\./,
    ],
    [
      "another manager in the team, and a named one, not counted twice",
      { authorId: "alan", editorIds: [], teamManagers: [alan, fiona, ravi], named: fiona },
      ["fiona", "ravi"],
      /other than Alan Reid: Fiona Grant or Ravi Shah\./,
    ],
    [
      "a manager who changed it is not a second pair of eyes",
      { authorId: "w", editorIds: ["w", "ravi"], teamManagers: [alan, ravi], named: null },
      ["alan"],
      /: Alan Reid\./,
    ],
  ])("%s", (_name, facts, ids, words) => {
    const mayAct = whoMaySignOff(facts);
    expect(mayAct.map((m) => m.id)).toEqual(ids);
    expect(
      signOffWaiting(facts.authorId === "alan" ? alan : { id: "w", displayName: "W" }, mayAct),
    ).toMatch(words);
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
