import { describe, expect, it } from "vitest";
import { approvalNeeded, cannotDecideBudget, raisedStreams, streamProblems } from "./rules";

describe("budget authority and four eyes", () => {
  const authority = { maxAnnualPence: 30_000_00, maxAdjustmentBasisPoints: 1_000 };
  it.each<[string, number, number | null, RegExp | null]>([
    ["within both limits", 20_000_00, 19_000_00, null],
    ["exactly at the annual limit", 30_000_00, null, null],
    ["above the annual limit", 30_000_01, null, /Above £30,000.00/],
    ["exactly 10% above the RAS amount", 11_000_00, 10_000_00, null],
    [
      "just over 10% above the RAS amount",
      11_000_01,
      10_000_00,
      /More than 10% from the RAS amount of £10,000.00/,
    ],
    ["over 10% below the RAS amount", 8_999_99, 10_000_00, /More than 10%/],
    ["no RAS amount to compare with", 25_000_00, null, null],
  ])("%s", (_name, amount, ras, reason) => {
    const found = approvalNeeded(amount, ras, authority);
    if (reason) expect(found).toMatch(reason);
    else expect(found).toBeNull();
  });

  it("lets only someone else decide, once, and only what needs it", () => {
    const entry = { approvalNeeded: "Above the limit", setBy: "morag", decided: false };
    expect(cannotDecideBudget(entry, "fiona")).toBeNull();
    expect(cannotDecideBudget(entry, "morag")).toMatch(/someone else/);
    expect(cannotDecideBudget({ ...entry, decided: true }, "fiona")).toMatch(/already/);
    expect(cannotDecideBudget({ ...entry, approvalNeeded: null }, "fiona")).toMatch(/no approval/);
  });
});

describe("funding streams", () => {
  it.each<[string, { stream: string; annualAmountPence: number }[], string[]]>([
    ["no streams: all social care", [], []],
    [
      "streams that make up the whole",
      [
        { stream: "social-care", annualAmountPence: 700_000 },
        { stream: "health", annualAmountPence: 300_000 },
      ],
      [],
    ],
    [
      "a penny short",
      [
        { stream: "social-care", annualAmountPence: 699_999 },
        { stream: "health", annualAmountPence: 300_000 },
      ],
      ["streams"],
    ],
    [
      "a stream twice",
      [
        { stream: "health", annualAmountPence: 500_000 },
        { stream: "health", annualAmountPence: 500_000 },
      ],
      ["streams.1.stream"],
    ],
  ])("%s", (_name, streams, paths) => {
    expect(streamProblems(1_000_000, streams).map((e) => e.path)).toEqual(paths);
  });
});

describe("raisedStreams", () => {
  it("adds a raise to social care and keeps every other stream as it was", () => {
    expect(
      raisedStreams(
        [
          { stream: "social-care", annualAmountPence: 10_000_00, reporting: "" },
          {
            stream: "health",
            annualAmountPence: 3_000_00,
            reporting: "Quarterly to the NHS board",
          },
        ],
        13_655_20,
      ),
    ).toEqual([
      { stream: "social-care", annualAmountPence: 10_655_20, reporting: "" },
      { stream: "health", annualAmountPence: 3_000_00, reporting: "Quarterly to the NHS board" },
    ]);
  });

  it("makes the whole social care when no make-up was recorded", () => {
    expect(raisedStreams([], 13_655_20)).toEqual([
      { stream: "social-care", annualAmountPence: 13_655_20, reporting: "" },
    ]);
  });
});
