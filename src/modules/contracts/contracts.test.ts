import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { printable } from "./document";
import {
  cannotRecordPaperSignature,
  cannotSign,
  contractStatus,
  type PaperSignatureAttempt,
  type PaperVersionState,
  type SignAttempt,
  type VersionState,
} from "./signing";
import { type ContractTemplate, documentHash, renderContract, templateProblems } from "./template";
import { CONTRACT_KINDS, type ContractTerms, changedTerms } from "./terms";

const terms: ContractTerms = {
  person: "Isobel Taylor",
  representative: null,
  provider: "Linn Employee-owned Care",
  council: "Fife Council",
  outcomes: ["To get to my allotment"],
  supports: [{ description: "Help to get to the allotment", annualPence: 783_120 }],
  annualPence: 783_120,
  hourlyRatePence: 2510,
  minutesPerWeek: 360,
  startDate: "2026-12-07",
  reviewDate: "2027-03-07",
};

describe("templates", () => {
  it.each(CONTRACT_KINDS)("the default %s template is complete and shifts no risk", (kind) => {
    expect(templateProblems(DEFAULT_TEMPLATES[kind])).toEqual([]);
  });

  const three = DEFAULT_TEMPLATES["three-way"];
  const withClause = (i: number, change: object): ContractTemplate => ({
    ...three,
    clauses: three.clauses.map((c, j) => (j === i ? { ...c, ...change } : c)),
  });

  it.each<[string, ContractTemplate, string, RegExp]>([
    [
      "an indemnity",
      withClause(0, { text: "The provider shall indemnify the council." }),
      "clauses.0.text",
      /indemnity/,
    ],
    [
      "taking all risk",
      withClause(2, { text: "The provider accepts all risks." }),
      "clauses.2.text",
      /all risk/,
    ],
    [
      "an unknown term",
      withClause(1, { text: "Paid by {{bankAccount}}." }),
      "clauses.1.text",
      /not a term/,
    ],
    [
      "a long easy-read line",
      withClause(1, { easyRead: [`${"word ".repeat(21)}`] }),
      "clauses.1.easyRead.0",
      /20 words/,
    ],
    [
      "no complaints clause",
      { ...three, clauses: three.clauses.filter((c) => c.topic !== "complaints") },
      "clauses",
      /complaints/,
    ],
  ])("refuses %s", (_name, template, path, message) => {
    const problems = templateProblems(template);
    expect(problems.find((p) => p.path === path)?.message).toMatch(message);
  });
});

describe("rendering and hashing", () => {
  it("puts the terms into the words, and names who signs each kind", () => {
    const doc = renderContract(DEFAULT_TEMPLATES["three-way"], terms, 1);
    const text = JSON.stringify(doc);
    expect(text).toContain("£7,831.20 a year");
    expect(text).toContain("£25.10 an hour");
    expect(text).toContain("To get to my allotment");
    expect(text).not.toMatch(/\{\{\w+\}\}/);
    expect(doc.parties.map((p) => [p.party, p.signs])).toEqual([
      ["person", true],
      ["provider", true],
      ["council", true],
    ]);
    const order = renderContract(DEFAULT_TEMPLATES["service-order"], terms, 1);
    expect(order.parties.filter((p) => p.signs).map((p) => p.party)).toEqual([
      "provider",
      "council",
    ]);
    const dp = renderContract(
      DEFAULT_TEMPLATES["direct-payment-agreement"],
      { ...terms, provider: null },
      1,
    );
    expect(dp.parties.map((p) => p.party)).toEqual(["person", "council"]);
  });

  it("writes part hours as a number the template follows with 'hours'", () => {
    const doc = renderContract(
      DEFAULT_TEMPLATES["service-order"],
      { ...terms, minutesPerWeek: 390 },
      1,
    );
    expect(JSON.stringify(doc)).toContain("about 6.5 hours a week");
    expect(changedTerms(terms, { ...terms, minutesPerWeek: 20 })).toEqual([
      "The hours change from 6 to 0.33 hours a week.",
    ]);
  });

  it("says in the signature block which signatures were made on paper, and who recorded them", () => {
    const doc = renderContract(DEFAULT_TEMPLATES["three-way"], terms, 1);
    const signatures = [
      {
        party: "person",
        signerName: "Isobel Taylor",
        signedAt: "2026-11-30T10:00:00Z",
        method: "paper" as const,
        signedOn: "2026-11-28",
        recordedBy: "Morag Henderson",
      },
      {
        party: "council",
        signerName: "Morag Henderson",
        signedAt: "2026-11-27T09:00:00Z",
        method: "online" as const,
        signedOn: null,
        recordedBy: null,
      },
    ];
    for (const easy of [false, true]) {
      const block = printable(doc, "ab", signatures, easy).sections.at(-1)?.paragraphs;
      expect(block).toEqual([
        "The person: signed by Isobel Taylor on paper on 2026-11-28, recorded by Morag Henderson.",
        "The provider: not signed yet.",
        "The council: signed by Morag Henderson online on 2026-11-27.",
      ]);
    }
  });

  it("names a representative as signing for the person", () => {
    const doc = renderContract(
      DEFAULT_TEMPLATES["three-way"],
      { ...terms, representative: "David Taylor" },
      1,
    );
    expect(doc.parties[0]?.name).toBe("David Taylor, for Isobel Taylor");
  });

  it("gives the same hash for the same document, and a different one after any change", () => {
    const doc = renderContract(DEFAULT_TEMPLATES["three-way"], terms, 1);
    const again = renderContract(DEFAULT_TEMPLATES["three-way"], { ...terms }, 1);
    expect(documentHash(again)).toBe(documentHash(doc));
    const tampered = structuredClone(doc);
    (tampered.sections[2] as { paragraphs: string[] }).paragraphs[0] += " ";
    expect(documentHash(tampered)).not.toBe(documentHash(doc));
    expect(documentHash(doc)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("what changed between versions", () => {
  it("says each change in words", () => {
    expect(changedTerms(terms, { ...terms, hourlyRatePence: 2600, annualPence: 811_200 })).toEqual([
      "The budget changes from £7,831.20 to £8,112.00 a year.",
      "The hourly rate changes from £25.10 to £26.00.",
    ]);
    expect(changedTerms(terms, { ...terms })).toEqual([]);
    // Terms read back from the database have their keys in another order: still no change.
    const reordered = JSON.parse(
      JSON.stringify({
        ...terms,
        supports: terms.supports.map(({ annualPence, description }) => ({
          annualPence,
          description,
        })),
      }),
    );
    expect(changedTerms(terms, reordered)).toEqual([]);
    expect(changedTerms(terms, { ...terms, provider: "Kingdom Care" })).toEqual([
      "The provider changes from Linn Employee-owned Care to Kingdom Care.",
    ]);
  });
});

describe("signing", () => {
  const current: VersionState = {
    kind: "three-way",
    version: 2,
    documentHash: "abc",
    signedBy: ["person"],
  };
  const attempt: SignAttempt = {
    party: "provider",
    version: 2,
    documentHash: "abc",
    authorised: true,
  };

  it("is active only once every party the kind needs has signed", () => {
    expect(contractStatus(current)).toEqual({ active: false, waitingFor: ["provider", "council"] });
    expect(contractStatus({ ...current, signedBy: ["person", "provider", "council"] }).active).toBe(
      true,
    );
    expect(
      contractStatus({
        ...current,
        kind: "direct-payment-agreement",
        signedBy: ["council", "person"],
      }).active,
    ).toBe(true);
  });

  it.each<[string, Partial<SignAttempt>, Partial<VersionState>, RegExp | null]>([
    ["a provider signs the newest version as read", {}, {}, null],
    [
      "no provider signs a direct payment agreement",
      {},
      { kind: "direct-payment-agreement" },
      /does not sign/,
    ],
    ["someone without authority", { authorised: false }, {}, /authority/],
    ["an older version", { version: 1 }, {}, /not the newest version/],
    ["a document that changed since it was read", { documentHash: "abd" }, {}, /changed since/],
    ["twice", { party: "person" }, {}, /already signed/],
  ])("%s", (_name, change, state, reason) => {
    const blocked = cannotSign({ ...current, ...state }, { ...attempt, ...change });
    if (reason) expect(blocked).toMatch(reason);
    else expect(blocked).toBeNull();
  });
});

describe("recording a signature made on paper", () => {
  const hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  const current: PaperVersionState = {
    kind: "three-way",
    version: 3,
    documentHash: hash,
    signedBy: ["council"],
    madeOn: "2026-11-02",
  };
  const attempt: PaperSignatureAttempt = {
    party: "person",
    version: 3,
    fingerprint: "9F86D081",
    signerName: "Isla Paterson",
    signedOn: "2026-11-10",
    today: "2026-11-30",
  };

  it.each<[string, Partial<PaperSignatureAttempt>, Partial<PaperVersionState>, RegExp | null]>([
    ["Isla's signature, first 8 characters in capitals", {}, {}, null],
    [
      "the provider's signatory, whole fingerprint",
      { party: "provider", fingerprint: hash },
      {},
      null,
    ],
    ["signed on the day the version was made", { signedOn: "2026-11-02" }, {}, null],
    ["signed today", { signedOn: "2026-11-30" }, {}, null],
    ["the council's own signature", { party: "council" }, {}, /council signs online/],
    ["no one named as signing", { signerName: "  " }, {}, /who signed/],
    [
      "only 7 characters of the fingerprint",
      { fingerprint: "9f86d08" },
      {},
      /at least the first 8/,
    ],
    ["a fingerprint that is not hex", { fingerprint: "9f86d08z" }, {}, /at least the first 8/],
    [
      "a fingerprint from another document",
      { fingerprint: "9f86d082" },
      {},
      /this paper copy is not the current version: print version 3 and have it signed/i,
    ],
    [
      "a copy of version 2",
      { version: 2 },
      {},
      /this paper copy is not the current version: print version 3/i,
    ],
    ["a date in the future", { signedOn: "2026-12-01" }, {}, /cannot be in the future/],
    [
      "a date before the version was made",
      { signedOn: "2026-11-01" },
      {},
      /made on 2026-11-02.*before then/,
    ],
    ["a person who has already signed", {}, { signedBy: ["council", "person"] }, /already signed/],
    [
      "a provider on a direct payment agreement",
      { party: "provider" },
      { kind: "direct-payment-agreement" },
      /does not sign/,
    ],
  ])("%s", (_name, change, state, reason) => {
    const blocked = cannotRecordPaperSignature({ ...current, ...state }, { ...attempt, ...change });
    if (reason) expect(blocked).toMatch(reason);
    else expect(blocked).toBeNull();
  });
});
