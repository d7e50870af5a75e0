// The ledger: double-entry, in integer pence. Pure: transactions are built and checked here;
// balances are always derived by adding up postings, never stored.

/** Accounts are named by what they are: "fund:<id>" is a person's ISF or direct payment account. */
export const COUNCIL_FUNDING = "council:funding";
export const PURCHASES = "council:purchases";
export const PAID_OUT = "council:paid-out";
export const fundAccount = (id: string) => `fund:${id}`;
export const providerAccount = (id: string) => `provider:${id}`;
export const contributionAccount = (personId: string) => `contribution:${personId}`;

export const TRANSACTION_KINDS = [
  "allocation",
  "contribution",
  "charge",
  "purchase",
  "refund",
  "reclaim",
  "payment",
  "reversal",
] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** A change to one account: positive adds to its balance, negative takes away. */
export interface Posting {
  account: string;
  pence: number;
}

export interface Transaction {
  kind: TransactionKind;
  postings: Posting[];
}

/** Money moved from one account to another: the two postings always sum to zero. */
const move = (kind: TransactionKind, from: string, to: string, pence: number): Transaction => ({
  kind,
  postings: [
    { account: from, pence: -pence },
    { account: to, pence },
  ],
});

/** The council puts budget into a person's fund. */
export const allocation = (fund: string, pence: number) =>
  move("allocation", COUNCIL_FUNDING, fund, pence);
/** The person's assessed contribution goes into their fund. */
export const contribution = (personId: string, fund: string, pence: number) =>
  move("contribution", contributionAccount(personId), fund, pence);
/** Support delivered: the fund owes the provider hours x rate. */
export const charge = (fund: string, provider: string, pence: number) =>
  move("charge", fund, provider, pence);
/** Something bought from the fund. */
export const purchase = (fund: string, pence: number) => move("purchase", fund, PURCHASES, pence);
/** Money back into the fund for a purchase. */
export const refund = (fund: string, pence: number) => move("refund", PURCHASES, fund, pence);
/** Unspent money taken back by the council, by a recorded decision. */
export const reclaim = (fund: string, pence: number) =>
  move("reclaim", fund, COUNCIL_FUNDING, pence);
/** The council pays a provider (or a direct payment recipient) what it is owed. */
export const payment = (payee: string, pence: number) => move("payment", payee, PAID_OUT, pence);

/** A correction: the same postings the other way, so the original is undone and both remain. */
export const reversal = (original: Transaction): Transaction => ({
  kind: "reversal",
  postings: original.postings.map((p) => ({ account: p.account, pence: -p.pence })),
});

/** hours x rate, to the penny (half up), from exact minutes. */
export const chargeFor = (minutes: number, hourlyRatePence: number) =>
  Math.floor((2 * minutes * hourlyRatePence + 60) / 120);

/** Why a transaction cannot be recorded, or null: whole pence, two postings or more, sums to zero. */
export function transactionProblem(t: Transaction): string | null {
  if (t.postings.length < 2) return "A transaction moves money between at least two accounts.";
  if (t.postings.some((p) => !Number.isSafeInteger(p.pence))) return "Amounts are whole pence.";
  if (t.postings.some((p) => p.account.trim() === "")) return "Every posting names an account.";
  if (t.postings.reduce((sum, p) => sum + p.pence, 0) !== 0)
    return "The postings of a transaction must add up to zero.";
  return null;
}

/** Every account's balance: the sum of its postings. */
export function balances(transactions: readonly Transaction[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of transactions)
    for (const p of t.postings) out.set(p.account, (out.get(p.account) ?? 0) + p.pence);
  return out;
}
