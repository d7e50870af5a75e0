import { describe, expect, it } from "vitest";
import { csvObjects } from "../../platform/csv/read";
import {
  bacsFile,
  bacsRecord,
  cannotApproveBankDetails,
  cannotApproveRun,
  cannotPayRun,
  maskAccountNumber,
  maskedBank,
  maskSortCode,
  type PayLine,
  paymentCsv,
} from "./payments";

const line: PayLine = {
  payeeName: "Linn Employee-owned Care Ltd",
  sortCode: "80-22-60",
  accountNumber: "12345678",
  pence: 61_495,
  reference: "CAIRN 2026-12",
  heldReason: null,
};
const council = { sortCode: "83-91-11", accountNumber: "00998877", name: "Fife Council" };

describe("payment files", () => {
  it("writes a 100-character Standard 18 style credit record", () => {
    const record = bacsRecord(line, council);
    expect(record).toHaveLength(100);
    expect(record.slice(0, 6)).toBe("802260");
    expect(record.slice(6, 14)).toBe("12345678");
    expect(record.slice(15, 17)).toBe("99");
    expect(record.slice(35, 46)).toBe("00000061495");
    expect(record.slice(46, 64)).toBe("FIFE COUNCIL      ");
    expect(record.slice(82, 100)).toBe("LINN EMPLOYEE-OWNE");
  });

  it("leaves held lines out of the file, and shows them in the CSV with the reason", () => {
    const held = {
      ...line,
      payeeName: "Howe Micro Care",
      heldReason: "Query on the November return",
    };
    expect(bacsFile([line, held], council).split("\r\n").filter(Boolean)).toHaveLength(1);
    const csv = paymentCsv([line, held]);
    expect(csv).toContain("Linn Employee-owned Care Ltd,80-22-60,12345678,614.95,CAIRN 2026-12,");
    expect(csv).toContain(
      "Howe Micro Care,80-22-60,12345678,614.95,CAIRN 2026-12,Query on the November return",
    );
  });

  it("quotes a payee's comma, quote or line break so a spreadsheet reads each line back whole", () => {
    const odd = { ...line, payeeName: 'Smith, "Jones" & Co', heldReason: "Query:\rsee note" };
    const [row] = csvObjects(paymentCsv([odd]));
    expect(row?.row).toMatchObject({ payee: odd.payeeName, held_reason: odd.heldReason });
  });
});

describe("four eyes on a run", () => {
  it.each([
    [{ status: "draft" as const, createdBy: "a" }, "b", null],
    [{ status: "draft" as const, createdBy: "a" }, "a", /second finance officer/],
    [{ status: "approved" as const, createdBy: "a" }, "b", /already approved/],
  ])("approving %o by %s", (run, approver, reason) => {
    const blocked = cannotApproveRun(run, approver);
    if (reason) expect(blocked).toMatch(reason);
    else expect(blocked).toBeNull();
  });

  it("is paid only once approved", () => {
    expect(cannotPayRun({ status: "draft", createdBy: "a" })).toMatch(/approves/);
    expect(cannotPayRun({ status: "approved", createdBy: "a" })).toBeNull();
  });
});

describe("bank details", () => {
  it("shows only the last digits anywhere but the payment file", () => {
    expect(maskAccountNumber("12345678")).toBe("****5678");
    expect(maskSortCode("802260")).toBe("**-**-60");
    expect(maskSortCode("80-22-60")).toBe("**-**-60");
    expect(maskedBank(line)).toMatchObject({ sortCode: "**-**-60", accountNumber: "****5678" });
    expect(maskedBank({ sortCode: null, accountNumber: null })).toEqual({
      sortCode: null,
      accountNumber: null,
    });
  });

  it("needs a second finance officer, for the newest change only, once", () => {
    const v = { proposedBy: "ann", approved: false, newest: true };
    expect(cannotApproveBankDetails(v, "ann")).toMatch(/second finance officer/);
    expect(cannotApproveBankDetails(v, "bob")).toBeNull();
    expect(cannotApproveBankDetails({ ...v, approved: true }, "bob")).toMatch(/already approved/);
    expect(cannotApproveBankDetails({ ...v, newest: false }, "bob")).toMatch(/newer change/);
    // The same four eyes as a payment run's.
    expect(cannotApproveRun({ status: "draft", createdBy: "ann" }, "ann")).toMatch(
      /second finance officer/,
    );
  });
});
