import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  cannotApproveErasure,
  cannotEndAuthority,
  cannotMoveCaseload,
  DEFAULT_RETENTION,
  pastRetention,
  pruneCutoffs,
  yearsBefore,
} from "./rules";
import { escapeHtml, subjectAccessHtml, subjectAccessZip, words } from "./subject-access";

describe("retention", () => {
  it("reaches back whole years, 29 February falling to 28", () => {
    expect(yearsBefore("2026-12-01", 6)).toBe("2020-12-01");
    expect(yearsBefore("2028-02-29", 1)).toBe("2027-02-28");
  });

  it("is past when the last activity is on or before the date the period reaches back to", () => {
    expect(pastRetention("2020-12-01T09:00:00Z", "2026-12-01", 6)).toBe(true);
    expect(pastRetention("2020-12-02", "2026-12-01", 6)).toBe(false);
  });

  it("prunes each kind from its own period", () => {
    const cutoffs = pruneCutoffs(DEFAULT_RETENTION, new Date("2026-12-01T00:00:00Z"));
    expect(cutoffs).toEqual({
      signInAttemptsBefore: "2026-09-02T00:00:00.000Z",
      sessionsExpiredBefore: "2026-11-01T00:00:00.000Z",
      selfReferralsBefore: "2025-12-01T00:00:00.000Z",
    });
  });
});

describe("erasure's four eyes", () => {
  const proposed = { proposedBy: "a", approvedBy: null, completedAt: null };
  it("refuses the proposer, a second approval and a finished erasure", () => {
    expect(cannotApproveErasure(proposed, "a")).toMatch(/different person/);
    expect(cannotApproveErasure(proposed, "b")).toBeNull();
    expect(cannotApproveErasure({ ...proposed, approvedBy: "b" }, "c")).toMatch(
      /already been approved/,
    );
    expect(
      cannotApproveErasure({ ...proposed, approvedBy: "b", completedAt: "2026-12-01" }, "c"),
    ).toMatch(/already been erased/);
  });
});

describe("ending an authority", () => {
  it("ends once, on a date not in the future", () => {
    expect(cannotEndAuthority({ endedAt: null }, "2026-11-30", "2026-12-01")).toBeNull();
    expect(cannotEndAuthority({ endedAt: null }, "2026-12-02", "2026-12-01")).toMatch(/future/);
    expect(cannotEndAuthority({ endedAt: "2026-11-01" }, "2026-11-30", "2026-12-01")).toMatch(
      /already ended/,
    );
  });
});

describe("moving a caseload", () => {
  const sw = (id: string, teamId: string | null) => ({ id, role: "social-worker", teamId });
  const admin = { role: "administrator", teamId: null };
  it("moves to a case holder other than the leaver; a manager within their own team", () => {
    expect(cannotMoveCaseload(admin, sw("a", "t1"), sw("b", "t2"))).toBeNull();
    expect(cannotMoveCaseload(admin, sw("a", "t1"), sw("a", "t1"))).toMatch(/different worker/);
    expect(
      cannotMoveCaseload(admin, sw("a", "t1"), { id: "f", role: "finance-officer", teamId: null }),
    ).toMatch(/social worker or a team manager/);
    const manager = { role: "team-manager", teamId: "t1" };
    expect(cannotMoveCaseload(manager, sw("a", "t1"), sw("b", "t1"))).toBeNull();
    expect(cannotMoveCaseload(manager, sw("a", "t1"), sw("b", "t2"))).toMatch(/own team/);
    expect(cannotMoveCaseload(manager, sw("a", "t2"), sw("b", "t1"))).toMatch(/own team/);
  });
});

describe("the subject access export", () => {
  const record = {
    personId: "p",
    personName: "Ann <b>Smith</b>",
    producedAt: "2026-12-01T00:00:00Z",
    producedBy: "Kenneth Muir",
    sections: [
      {
        key: "referrals",
        title: "Referrals",
        about: "How the person came.",
        rows: [
          {
            reason: "<script>alert(1)</script>",
            recordedBy: "11111111-1111-4111-8111-111111111111",
            lines: [{ text: "a" }],
          },
        ],
      },
      { key: "carers", title: "Carers", about: "Carers.", rows: [] },
    ],
    people: { "11111111-1111-4111-8111-111111111111": "Morag Henderson" },
    letters: { "budget.pdf": new Uint8Array([37, 80, 68, 70]) },
  };

  it("is readable HTML in which nothing typed becomes markup, with names for ids", () => {
    const html = subjectAccessHtml(record);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Ann &lt;b&gt;Smith&lt;/b&gt;");
    expect(html).toContain("<dd>Morag Henderson</dd>");
    expect(html).toContain("Nothing held.");
    expect(html).toContain('<a href="letters/budget.pdf">');
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
    expect(words("annualAmountPence")).toBe("annual amount pence");
  });

  it("zips the page, the JSON by section and the letters", () => {
    const files = unzipSync(subjectAccessZip(record));
    expect(Object.keys(files).sort()).toEqual(["index.html", "letters/budget.pdf", "record.json"]);
    const json = JSON.parse(strFromU8(files["record.json"] as Uint8Array));
    expect(json.referrals[0].reason).toBe("<script>alert(1)</script>");
    expect(json.carers).toEqual([]);
  });
});
