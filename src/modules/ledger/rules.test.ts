import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocation,
  balances,
  COUNCIL_FUNDING,
  charge,
  chargeFor,
  contribution,
  fundAccount,
  PAID_OUT,
  payment,
  providerAccount,
  purchase,
  reclaim,
  refund,
  reversal,
  type Transaction,
  transactionProblem,
} from "./rules";

const fund = fundAccount("isf-1");
const linn = providerAccount("linn");

describe("the ledger", () => {
  it("follows a month of an Individual Service Fund", () => {
    const month: Transaction[] = [
      allocation(fund, 65_260),
      contribution("p1", fund, 4_000),
      charge(fund, linn, chargeFor(26 * 60, 2510)),
      purchase(fund, 6_000),
      refund(fund, 1_000),
      payment(linn, chargeFor(26 * 60, 2510)),
    ];
    const b = balances(month);
    expect(b.get(fund)).toBe(65_260 + 4_000 - 65_260 - 6_000 + 1_000);
    expect(b.get(linn)).toBe(0); // charged and paid
    expect(b.get(PAID_OUT)).toBe(65_260);
    expect(b.get(COUNCIL_FUNDING)).toBe(-65_260);
  });

  it.each([
    [90, 2510, 3765],
    [20, 2461, 820], // 820.33 rounds down
    [30, 2461, 1231], // 1230.5 rounds half up
    [0, 2510, 0],
  ])("charges %i minutes at %i pence an hour as %i pence", (minutes, rate, pence) => {
    expect(chargeFor(minutes, rate)).toBe(pence);
  });

  it.each<[string, Transaction, RegExp]>([
    ["one posting", { kind: "charge", postings: [{ account: fund, pence: 1 }] }, /at least two/],
    [
      "a fraction of a penny",
      {
        kind: "charge",
        postings: [
          { account: fund, pence: 0.5 },
          { account: linn, pence: -0.5 },
        ],
      },
      /whole pence/,
    ],
    [
      "postings that do not balance",
      {
        kind: "charge",
        postings: [
          { account: fund, pence: -100 },
          { account: linn, pence: 99 },
        ],
      },
      /add up to zero/,
    ],
  ])("refuses %s", (_name, t, message) => {
    expect(transactionProblem(t)).toMatch(message);
  });
});

const accountId = fc.constantFrom("a", "b", "c");
const pence = fc.integer({ min: 0, max: 5_000_000 });
const operation: fc.Arbitrary<Transaction> = fc.oneof(
  fc.tuple(accountId, pence).map(([f, p]) => allocation(fundAccount(f), p)),
  fc.tuple(accountId, pence).map(([f, p]) => contribution(`person-${f}`, fundAccount(f), p)),
  fc
    .tuple(accountId, accountId, pence)
    .map(([f, pr, p]) => charge(fundAccount(f), providerAccount(pr), p)),
  fc.tuple(accountId, pence).map(([f, p]) => purchase(fundAccount(f), p)),
  fc.tuple(accountId, pence).map(([f, p]) => refund(fundAccount(f), p)),
  fc.tuple(accountId, pence).map(([f, p]) => reclaim(fundAccount(f), p)),
  fc.tuple(accountId, pence).map(([pr, p]) => payment(providerAccount(pr), p)),
);

/** Operations, each possibly followed later by the reversal of an earlier one. */
const history = fc
  .array(fc.tuple(operation, fc.option(fc.nat(), { nil: undefined })), { maxLength: 60 })
  .map((steps) => {
    const done: Transaction[] = [];
    for (const [op, reverse] of steps) {
      done.push(op);
      if (reverse !== undefined && done.length > 0)
        done.push(reversal(done[reverse % done.length] as Transaction));
    }
    return done;
  });

describe("the ledger always balances", () => {
  it("every transaction is valid, and the sum of all entries is zero", () => {
    fc.assert(
      fc.property(history, (transactions) => {
        for (const t of transactions) expect(transactionProblem(t)).toBeNull();
        const total = [...balances(transactions).values()].reduce((a, b) => a + b, 0);
        expect(total).toBe(0);
      }),
    );
  });

  it("every account's balance is the sum of its own entries", () => {
    fc.assert(
      fc.property(history, (transactions) => {
        const b = balances(transactions);
        for (const [account, balance] of b) {
          const own = transactions.flatMap((t) => t.postings).filter((p) => p.account === account);
          expect(balance).toBe(own.reduce((sum, p) => sum + p.pence, 0));
        }
      }),
    );
  });

  it("reversing everything brings every account back to zero", () => {
    fc.assert(
      fc.property(history, (transactions) => {
        const undone = [...transactions, ...transactions.map(reversal)];
        for (const balance of balances(undone).values()) expect(balance).toBe(0);
      }),
    );
  });
});
