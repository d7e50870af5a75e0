import { describe, expect, it } from "vitest";
import { dueInMonth } from "./allocation";

const holiday = {
  lineId: "l1",
  description: "A week's holiday",
  pence: 1_200_00,
  month: "2026-12",
};

describe("dueInMonth", () => {
  it("pays a one-off amount in its month only, on top of the recurring twelfth", () => {
    const terms = { annualPence: 520_00, oneOffs: [holiday] };
    expect(dueInMonth(terms, "2026-12")).toEqual({
      recurringPence: 43_34,
      oneOffs: [holiday],
      totalPence: 1_243_34,
    });
    expect(dueInMonth(terms, "2027-01")).toEqual({
      recurringPence: 43_33,
      oneOffs: [],
      totalPence: 43_33,
    });
  });

  it("over thirteen months pays a one-off-only contract its amount once, nothing more", () => {
    const months = Array.from({ length: 13 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 11 + i, 1));
      return d.toISOString().slice(0, 7);
    });
    const paid = months.map(
      (m) => dueInMonth({ annualPence: 0, oneOffs: [holiday] }, m).totalPence,
    );
    expect(paid.reduce((a, b) => a + b, 0)).toBe(1_200_00);
    expect(paid.filter((p) => p > 0)).toEqual([1_200_00]);
  });

  it("reads terms made before one-offs were kept apart", () => {
    expect(dueInMonth({ annualPence: 12_00 }, "2026-04").totalPence).toBe(1_00);
  });
});
