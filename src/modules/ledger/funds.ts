import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { agreementsInForce, inForce } from "../contracts/in-force";
import { contracts } from "../contracts/schema";
import { type OneOff, OPTION_OF_KIND } from "../contracts/terms";
import { personName } from "../people/store";
import { providers } from "../providers/schema";
import { dueInMonth } from "./allocation";
import {
  allocation,
  COUNCIL_FUNDING,
  fundAccount,
  PAID_OUT,
  PURCHASES,
  providerAccount,
} from "./rules";
import { type AccountRow, ensureAccounts, recordTransaction } from "./store";

const FUND_WORDS = {
  "1": "direct payment account",
  "2": "Individual Service Fund",
  "3": "council-arranged budget",
} as const;

export const COUNCIL_ACCOUNTS: AccountRow[] = [
  { key: COUNCIL_FUNDING, kind: "council", label: "Council social care budget" },
  { key: PURCHASES, kind: "council", label: "Purchases made from funds" },
  { key: PAID_OUT, kind: "council", label: "Paid out by the council" },
];

/** Opens (if need be) the accounts a signed contract runs on: the person's fund and, if any, the provider's. */
export async function accountsForContract(tx: Db, contractId: string) {
  const [c] = await tx.select().from(contracts).where(eq(contracts.id, contractId));
  if (!c) return null;
  const option = OPTION_OF_KIND[c.kind];
  const person = await personName(tx, c.personId);
  const [provider] = c.providerId
    ? await tx
        .select({ name: providers.name })
        .from(providers)
        .where(eq(providers.id, c.providerId))
    : [];
  const fund = fundAccount(c.id);
  const rows: AccountRow[] = [
    ...COUNCIL_ACCOUNTS,
    {
      key: fund,
      kind: "fund",
      label: `${person.givenName} ${person.familyName}'s ${FUND_WORDS[option]}${provider ? ` with ${provider.name}` : ""}`,
      personId: c.personId,
      providerId: c.providerId,
      contractId: c.id,
      option,
    },
  ];
  if (c.providerId)
    rows.push({
      key: providerAccount(c.providerId),
      kind: "provider",
      label: provider?.name ?? "Provider",
      providerId: c.providerId,
    });
  await ensureAccounts(tx, rows);
  return { contract: c, fund, option };
}

/** A fund's month is paid once, whichever way (run or transfer); a one-off once, ever. */
export const allocationKey = (fund: string, period: string) => `allocation:${fund}:${period}`;
export const oneOffKey = (fund: string, lineId: string) => `one-off:${fund}:${lineId}`;

/** The month's payment into a fund, recorded once whichever way it is made (run or transfer). */
export const monthlyAllocation = (
  fund: string,
  pence: number,
  period: string,
  by: string,
  source: { type: string; id: string },
) => ({
  transaction: allocation(fund, pence),
  sourceType: source.type,
  sourceId: source.id,
  idempotencyKey: allocationKey(fund, period),
  period,
  memo: `Budget for ${period}`,
  recordedBy: by,
});

/** Where a one-off amount came from: the statement names it as money paid once. */
export const ONE_OFF_SOURCE = "one-off-allocation";

/** A one-off amount paid into a fund: keyed on its plan line, so it is paid once, ever. */
export const oneOffAllocation = (fund: string, o: OneOff, period: string, by: string) => ({
  transaction: allocation(fund, o.pence),
  sourceType: ONE_OFF_SOURCE,
  sourceId: o.lineId,
  idempotencyKey: oneOffKey(fund, o.lineId),
  period,
  memo: o.description,
  recordedBy: by,
});

/** Every contract in force with its newest terms and its fund: one query, whatever the number. */
export async function contractsInForce(tx: Db) {
  return (await agreementsInForce(tx)).map((a) => ({
    ...a,
    fund: fundAccount(a.contractId),
    option: OPTION_OF_KIND[a.kind],
  }));
}

/**
 * Opens the ledger accounts of a contract that has just come into force, in the transaction of
 * its last signature (whichever way it was signed); nothing while it still waits for a party.
 */
export async function openAccountsIfInForce(tx: Db, contractId: string) {
  if (!(await inForce(tx, contractId))) return false;
  await accountsForContract(tx, contractId);
  return true;
}

/**
 * The month's allocation into every ISF and council-arranged fund in force: the recurring share
 * and each one-off amount agreed for the month. Direct payments are paid to the person by a
 * payment run instead. Idempotent: a fund is paid once for a month, a one-off once ever.
 */
export async function allocateMonth(tx: Db, period: string, by: string) {
  let recorded = 0;
  let already = 0;
  for (const c of await contractsInForce(tx)) {
    if (c.option === "1") continue;
    const due = dueInMonth(c.terms, period);
    const source = { type: "allocation-run", id: period };
    const recordings = [
      ...(due.recurringPence > 0
        ? [monthlyAllocation(c.fund, due.recurringPence, period, by, source)]
        : []),
      ...due.oneOffs.map((o) => oneOffAllocation(c.fund, o, period, by)),
    ];
    for (const r of recordings) {
      if ((await recordTransaction(tx, r)).recorded) recorded++;
      else already++;
    }
  }
  return { period, recorded, alreadyRecorded: already };
}
