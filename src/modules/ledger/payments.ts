import { csvText } from "../../platform/csv/write";
// Payment runs: a second finance officer approves; the payment file is written from the lines.

export interface RunFacts {
  status: "draft" | "approved" | "paid";
  createdBy: string;
}

export function cannotApproveRun(run: RunFacts, approverId: string): string | null {
  if (run.status !== "draft") return `This run is already ${run.status}.`;
  if (run.createdBy === approverId)
    return "You drafted this run, so a second finance officer must approve it.";
  return null;
}

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
