import type { TransactionKind } from "./rules";

// A month of a person's fund in plain words: what came in, what went out on what, what is left.

export interface Movement {
  kind: TransactionKind;
  memo: string;
  /** As the fund sees it: positive came in, negative went out. */
  pence: number;
  /** Money paid once (a one-off support), not part of the monthly budget. */
  oneOff?: boolean;
}

export interface Statement {
  openingPence: number;
  cameIn: { label: string; pence: number }[];
  wentOut: { label: string; pence: number }[];
  totalInPence: number;
  totalOutPence: number;
  closingPence: number;
}

const IN_WORDS: Partial<Record<TransactionKind, string>> = {
  allocation: "From the council",
  contribution: "Your contribution",
  refund: "Money refunded",
};

/** Adds up movements under their labels, keeping the order each label first appeared in. */
function grouped(items: { label: string; pence: number }[]) {
  const out = new Map<string, number>();
  for (const i of items) out.set(i.label, (out.get(i.label) ?? 0) + i.pence);
  return [...out].map(([label, pence]) => ({ label, pence }));
}

export function monthlyStatement(openingPence: number, movements: readonly Movement[]): Statement {
  const label = (m: Movement) =>
    m.oneOff
      ? `From the council, once only: ${m.memo}`
      : m.kind === "reversal"
        ? "Corrections"
        : m.kind === "reclaim"
          ? "Returned to the council"
          : (IN_WORDS[m.kind] ?? m.memo);
  const cameIn = grouped(
    movements.filter((m) => m.pence > 0).map((m) => ({ label: label(m), pence: m.pence })),
  );
  const wentOut = grouped(
    movements.filter((m) => m.pence < 0).map((m) => ({ label: label(m), pence: -m.pence })),
  );
  const totalInPence = cameIn.reduce((s, i) => s + i.pence, 0);
  const totalOutPence = wentOut.reduce((s, i) => s + i.pence, 0);
  return {
    openingPence,
    cameIn,
    wentOut,
    totalInPence,
    totalOutPence,
    closingPence: openingPence + totalInPence - totalOutPence,
  };
}

/**
 * The council's payment into a fund for one month of the financial year (April is month 1):
 * the annual amount shared so that the twelve months add up to it exactly.
 */
export function monthlyShare(annualPence: number, monthOfYear: number): number {
  return (
    Math.floor((annualPence * monthOfYear) / 12) -
    Math.floor((annualPence * (monthOfYear - 1)) / 12)
  );
}

/** "2026-12" as the month of the financial year it falls in (April 1 ... March 12). */
export const monthOfFinancialYear = (period: string) => ((Number(period.slice(5, 7)) + 8) % 12) + 1;
