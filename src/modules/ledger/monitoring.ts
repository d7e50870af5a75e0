import { formatPence } from "../budgets/money";
import type { ReturnFrequency } from "../contracts/terms";

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
  /** For a direct payment: how often its agreement says a return is due. */
  returnsEvery?: ReturnFrequency;
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
  if (f.option === "1") flags.push(...directPaymentReturnFlags(f, asOf));
  for (const purchase of f.purchases.filter((p) => p.period === asOf && p.pence >= UNUSUAL_PENCE))
    flags.push({
      kind: "unusual-purchase",
      message: `${purchase.memo}: ${formatPence(purchase.pence)} is more than usual. Worth a conversation; nothing is blocked.`,
    });
  return flags;
}

/** The months of the quarter before the one asOf falls in (quarters start January, April...). */
const lastQuarter = (asOf: string) => {
  const first = previous(asOf, ((Number(asOf.slice(5, 7)) - 1) % 3) + 3);
  return [first, previous(first, -1), previous(first, -2)];
};

/**
 * A direct payment return is lighter and due as often as the agreement says: a monthly one is
 * flagged when two months running are missing, a quarterly one when the last quarter has none.
 */
function directPaymentReturnFlags(f: FundFacts, asOf: string): Flag[] {
  const paid = (p: string) => f.months.some((m) => m.period === p && m.inPence);
  const returned = (p: string) => f.returnPeriods.includes(p);
  if ((f.returnsEvery ?? "quarter") === "month") {
    const lastTwo = [previous(asOf, 2), previous(asOf, 1)];
    if (!lastTwo.every((p) => paid(p) && !returned(p))) return [];
    return [missing(lastTwo.join(" or "))];
  }
  const quarter = lastQuarter(asOf);
  if (!quarter.some(paid) || quarter.some(returned)) return [];
  return [missing(`the quarter ${quarter[0]} to ${quarter[2]}`)];
}

const missing = (when: string): Flag => ({
  kind: "return-missing",
  message: `No direct payment return for ${when}: a short conversation may help.`,
});

export interface FundSpend {
  personId: string | null;
  inPence: number;
  spentPence: number;
}

/**
 * Spend against budget grouped by a name (area, provider, care group): money summed over funds,
 * people counted once however many funds they have in the group.
 */
export function spendByGroup<R extends FundSpend>(rows: readonly R[], nameOf: (r: R) => string) {
  const out = new Map<
    string,
    { name: string; inPence: number; spentPence: number; funds: number; people: Set<string> }
  >();
  for (const r of rows) {
    const name = nameOf(r);
    const g = out.get(name) ?? { name, inPence: 0, spentPence: 0, funds: 0, people: new Set() };
    g.inPence += r.inPence;
    g.spentPence += r.spentPence;
    g.funds++;
    if (r.personId) g.people.add(r.personId);
    out.set(name, g);
  }
  return [...out.values()]
    .map(({ people, ...g }) => ({ ...g, people: people.size }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
