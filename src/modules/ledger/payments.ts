import { csvText } from "../../platform/csv/write";
// Payment runs: a second finance officer approves; the payment file is written from the lines.

export interface RunFacts {
  status: "draft" | "approved" | "paid";
  createdBy: string;
}

/** Four eyes: whoever made a money change (drafted a run, proposed bank details) cannot approve it. */
export const secondOfficer = (madeBy: string | null, approverId: string, made: string) =>
  madeBy === approverId ? `You ${made}, so a second finance officer must approve it.` : null;

export function cannotApproveRun(run: RunFacts, approverId: string): string | null {
  if (run.status !== "draft") return `This run is already ${run.status}.`;
  return secondOfficer(run.createdBy, approverId, "drafted this run");
}

/** What decides whether a proposed change of bank details may be approved. */
export interface BankVersionFacts {
  proposedBy: string | null;
  approved: boolean;
  /** No newer change has been proposed for the payee since. */
  newest: boolean;
}

/** Why this change of bank details cannot be approved by this officer, or null. */
export function cannotApproveBankDetails(v: BankVersionFacts, approverId: string): string | null {
  if (v.approved) return "These bank details are already approved.";
  if (!v.newest)
    return "A newer change of these bank details has been proposed: approve that one, or propose again.";
  return secondOfficer(v.proposedBy, approverId, "proposed these bank details");
}

/** An account number as shown anywhere but the payment file: "****1234". */
export const maskAccountNumber = (n: string | null) => (n ? `****${n.slice(-4)}` : null);
/** A sort code as shown anywhere but the payment file: "**-**-60". */
export const maskSortCode = (s: string | null) =>
  s ? `**-**-${s.replace(/\D/g, "").slice(-2)}` : null;
/** Bank details as shown anywhere but the payment file. */
export const maskedBank = <T extends { sortCode: string | null; accountNumber: string | null }>(
  b: T,
): T => ({
  ...b,
  sortCode: maskSortCode(b.sortCode),
  accountNumber: maskAccountNumber(b.accountNumber),
});

export const cannotChangeRun = (run: RunFacts): string | null =>
  run.status === "draft"
    ? null
    : `This run is ${run.status}: lines can be held only before approval.`;

export const cannotPayRun = (run: RunFacts): string | null =>
  run.status === "draft" ? "A run is paid only after a second finance officer approves it." : null;

export interface PayLine {
  payeeName: string;
  sortCode: string | null;
  accountNumber: string | null;
  pence: number;
  reference: string;
  heldReason: string | null;
}

const field = (text: string, width: number) =>
  text
    .toUpperCase()
    .replace(/[^A-Z0-9 .&/-]/g, "")
    .slice(0, width)
    .padEnd(width, " ");

/** One fixed-width credit record in the layout of BACS Standard 18 (100 characters). */
export function bacsRecord(
  line: PayLine,
  originator: { sortCode: string; accountNumber: string; name: string },
): string {
  return [
    (line.sortCode ?? "").replace(/\D/g, "").padStart(6, "0"),
    (line.accountNumber ?? "").replace(/\D/g, "").padStart(8, "0"),
    "0",
    "99",
    originator.sortCode.replace(/\D/g, ""),
    originator.accountNumber.replace(/\D/g, ""),
    "    ",
    String(line.pence).padStart(11, "0"),
    field(originator.name, 18),
    field(line.reference, 18),
    field(line.payeeName, 18),
  ].join("");
}

/** The payment file: only lines to be paid (held lines wait for the next run). */
export function bacsFile(
  lines: PayLine[],
  originator: { sortCode: string; accountNumber: string; name: string },
) {
  return `${lines
    .filter((l) => !l.heldReason)
    .map((l) => bacsRecord(l, originator))
    .join("\r\n")}\r\n`;
}

export function paymentCsv(lines: PayLine[]) {
  const header = ["payee", "sort_code", "account_number", "amount_gbp", "reference", "held_reason"];
  const rows = lines.map((l) => [
    l.payeeName,
    l.sortCode ?? "",
    l.accountNumber ?? "",
    (l.pence / 100).toFixed(2),
    l.reference,
    l.heldReason ?? "",
  ]);
  return csvText([header, ...rows]);
}
