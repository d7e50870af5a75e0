import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import { currentBudgetsWithRasInput } from "../budgets/store";
import { contractVersions } from "../contracts/schema";
import { localities } from "../organisation/schema";
import { people } from "../people/schema";
import { providers } from "../providers/schema";
import { type FundFacts, spendByGroup, spendFlags } from "./monitoring";
import { ledgerAccounts, ledgerEntries, ledgerTransactions, providerReturns } from "./schema";

/** Every fund's money by month (a reversal undoes what it reverses), with its flags, and spend against budget by area, provider, care group. */
export async function spendMonitoring(db: Db, asOf: string) {
  const funds = await db
    .select({
      key: ledgerAccounts.key,
      label: ledgerAccounts.label,
      option: ledgerAccounts.option,
      contractId: ledgerAccounts.contractId,
      personId: ledgerAccounts.personId,
      locality: localities.name,
      provider: providers.name,
    })
    .from(ledgerAccounts)
    .innerJoin(people, eq(people.id, ledgerAccounts.personId))
    .innerJoin(localities, eq(localities.id, people.localityId))
    .leftJoin(providers, eq(providers.id, ledgerAccounts.providerId))
    .where(eq(ledgerAccounts.kind, "fund"));
  if (funds.length === 0)
    return { asOf, funds: [], byLocality: [], byProvider: [], byCareGroup: [] };
  const keys = funds.map((f) => f.key);
  const contractIds = funds.flatMap((f) => (f.contractId ? [f.contractId] : []));
  const [months, purchases, returns, budgets, agreed] = await inTurn(
    () =>
      db
        .select({
          account: ledgerEntries.account,
          period: ledgerTransactions.period,
          inPence: sql<string>`coalesce(sum(${ledgerEntries.pence}) filter (where ${ledgerTransactions.kind} in ('allocation', 'contribution') or (${ledgerTransactions.kind} = 'reversal' and ${ledgerEntries.pence} < 0)), 0)`,
          spentPence: sql<string>`coalesce(-sum(${ledgerEntries.pence}) filter (where ${ledgerTransactions.kind} in ('charge', 'purchase', 'refund') or (${ledgerTransactions.kind} = 'reversal' and ${ledgerEntries.pence} > 0)), 0)`,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(inArray(ledgerEntries.account, keys))
        .groupBy(ledgerEntries.account, ledgerTransactions.period),
    () =>
      db
        .select({
          account: ledgerEntries.account,
          period: ledgerTransactions.period,
          memo: ledgerTransactions.memo,
          pence: ledgerEntries.pence,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
        .where(and(inArray(ledgerEntries.account, keys), eq(ledgerTransactions.kind, "purchase"))),
    () =>
      db
        .select({ contractId: providerReturns.contractId, period: providerReturns.period })
        .from(providerReturns),
    () => currentBudgetsWithRasInput(db),
    () =>
      db
        .select({ contractId: contractVersions.contractId, terms: contractVersions.terms })
        .from(contractVersions)
        .where(inArray(contractVersions.contractId, contractIds))
        .orderBy(asc(contractVersions.version)),
  );
  // The newest version's terms say how often a direct payment return is due.
  const returnsEvery = new Map(agreed.map((v) => [v.contractId, v.terms.returnsEvery]));
  const careGroup = new Map(budgets.map((b) => [b.personId, b.input.careGroup]));
  const rows = funds.map((f) => {
    const facts: FundFacts = {
      option: (f.option ?? "3") as FundFacts["option"],
      hasProvider: Boolean(f.provider),
      months: months
        .filter((m) => m.account === f.key && m.period)
        .map((m) => ({
          period: m.period as string,
          inPence: Number(m.inPence),
          spentPence: Number(m.spentPence),
        })),
      returnPeriods: returns.filter((r) => r.contractId === f.contractId).map((r) => r.period),
      returnsEvery: returnsEvery.get(f.contractId ?? ""),
      purchases: purchases
        .filter((p) => p.account === f.key)
        .map((p) => ({ period: p.period ?? "", memo: p.memo, pence: -p.pence })),
    };
    const upTo = facts.months.filter((m) => m.period <= asOf);
    return {
      fund: f.label,
      contractId: f.contractId,
      personId: f.personId,
      option: facts.option,
      locality: f.locality,
      provider: f.provider ?? "Direct payment",
      careGroup: careGroup.get(f.personId ?? "") ?? "Not from the RAS",
      inPence: upTo.reduce((s, m) => s + m.inPence, 0),
      spentPence: upTo.reduce((s, m) => s + m.spentPence, 0),
      flags: spendFlags(facts, asOf),
    };
  });
  const by = (key: "locality" | "provider" | "careGroup") => spendByGroup(rows, (r) => r[key]);
  return {
    asOf,
    funds: rows,
    byLocality: by("locality"),
    byProvider: by("provider"),
    byCareGroup: by("careGroup"),
  };
}
