import { formatPence } from "../budgets/money";

// Proportionate spend monitoring: flags to talk about, never to block.

export interface FundMonth {
  period: string;
  /** Paid into the fund that month. */
  inPence: number;
  /** Spent from it that month (charges and purchases, less refunds). */
  spentPence: number;
}

export interface FundFacts {
  option: "1" | "2" | "3";
  hasProvider: boolean;
  months: FundMonth[];
  returnPeriods: string[];
  purchases: { period: string; memo: string; pence: number }[];
}

export type FlagKind = "sustained-underspend" | "overspend" | "return-missing" | "unusual-purchase";

export interface Flag {
  kind: FlagKind;
  message: string;
}

const previous = (period: string, back: number) => {
  const [y, m] = period.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
};

const UNUSUAL_PENCE = 50_000;

export function spendFlags(f: FundFacts, asOf: string): Flag[] {
  const flags: Flag[] = [];
  const month = (p: string) => f.months.find((m) => m.period === p);
  const lastThree = [0, 1, 2].map((b) => month(previous(asOf, b)));
  if (lastThree.every((m) => m && m.inPence > 0 && m.spentPence * 2 < m.inPence))
    flags.push({
      kind: "sustained-underspend",
      message:
        "Less than half the budget spent three months running: talk about whether the plan still fits.",
    });
  const totalIn = f.months.filter((m) => m.period <= asOf).reduce((s, m) => s + m.inPence, 0);
  const totalSpent = f.months.filter((m) => m.period <= asOf).reduce((s, m) => s + m.spentPence, 0);
  if (totalSpent * 10 > totalIn * 11)
    flags.push({
      kind: "overspend",
      message: `Spent ${formatPence(totalSpent - totalIn)} more than paid in so far.`,
    });
  if (f.option !== "1" && f.hasProvider) {
    for (const p of [previous(asOf, 1), asOf]) {
      if (month(p)?.inPence && !f.returnPeriods.includes(p))
        flags.push({ kind: "return-missing", message: `No return from the provider for ${p}.` });
    }
  }
  // A direct payment return is lighter: flagged only when two months running are missing.
  const lastTwo = [previous(asOf, 2), previous(asOf, 1)];
  if (f.option === "1" && lastTwo.every((p) => month(p)?.inPence && !f.returnPeriods.includes(p)))
    flags.push({
      kind: "return-missing",
      message: `No direct payment return for ${lastTwo.join(" or ")}: a short conversation may help.`,
    });
  for (const purchase of f.purchases.filter((p) => p.period === asOf && p.pence >= UNUSUAL_PENCE))
    flags.push({
      kind: "unusual-purchase",
      message: `${purchase.memo}: ${formatPence(purchase.pence)} is more than usual. Worth a conversation; nothing is blocked.`,
    });
  return flags;
}
