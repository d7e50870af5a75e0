import type { ContractTerms } from "../contracts/terms";
import { monthlyShare, monthOfFinancialYear } from "./statement";

/**
 * What a contract pays into its fund for a month: its share of the recurring year (the twelve
 * months add up to it exactly) and each one-off amount agreed for that month, once.
 */
export function dueInMonth(terms: Pick<ContractTerms, "annualPence" | "oneOffs">, period: string) {
  const oneOffs = (terms.oneOffs ?? []).filter((o) => o.month === period);
  const recurringPence = monthlyShare(terms.annualPence, monthOfFinancialYear(period));
  return {
    recurringPence,
    oneOffs,
    totalPence: recurringPence + oneOffs.reduce((sum, o) => sum + o.pence, 0),
  };
}
