// Due diligence on a provider's financial health (seed 004 paras 18-22): red, amber or green,
// always with the reasons, so a commissioner can act and explain.

export const CREDIT_RATINGS = ["A", "B", "C", "D", "E", "none"] as const;

export interface FinancialIndicators {
  turnoverPence: number;
  /** Negative for a deficit. */
  surplusPence: number;
  /** Reserves as months of spending, in tenths (25 = 2.5 months). */
  reservesMonthsTenths: number;
  /** The share of the provider's income that comes from this council, in whole percent. */
  dependencePercent: number;
  creditRating: (typeof CREDIT_RATINGS)[number];
}

export type Rag = "green" | "amber" | "red";

export interface HealthCheck {
  indicators: FinancialIndicators;
  nextReviewDue: string;
}

const RANK: Record<Rag, number> = { green: 0, amber: 1, red: 2 };

/** The status and every reason for it; a check past its review date is at least amber. */
export function financialHealth(
  check: HealthCheck,
  today: string,
): { status: Rag; reasons: string[]; overdue: boolean } {
  const {
    surplusPence,
    reservesMonthsTenths: reserves,
    dependencePercent,
    creditRating,
  } = check.indicators;
  const findings: [Rag, string][] = [];
  const months = (tenths: number) => `${(tenths / 10).toFixed(1)} months`;
  if (reserves < 10)
    findings.push(["red", `Reserves of ${months(reserves)} are under one month of spending`]);
  else if (reserves < 30)
    findings.push(["amber", `Reserves of ${months(reserves)} are under three months of spending`]);
  if (surplusPence < 0 && reserves < 30) findings.push(["red", "A deficit with thin reserves"]);
  else if (surplusPence < 0) findings.push(["amber", "A deficit this year"]);
  if (dependencePercent >= 75)
    findings.push(["red", `${dependencePercent}% of income comes from this council`]);
  else if (dependencePercent >= 40)
    findings.push(["amber", `${dependencePercent}% of income comes from this council`]);
  if (creditRating === "D" || creditRating === "E")
    findings.push(["red", `Credit rating ${creditRating}`]);
  else if (creditRating === "C") findings.push(["amber", "Credit rating C"]);
  const overdue = today > check.nextReviewDue;
  if (overdue) findings.push(["amber", `The review was due on ${check.nextReviewDue}`]);
  const status = findings.reduce<Rag>(
    (worst, [rag]) => (RANK[rag] > RANK[worst] ? rag : worst),
    "green",
  );
  return {
    status,
    reasons: findings.length ? findings.map(([, reason]) => reason) : ["No concerns found"],
    overdue,
  };
}

/**
 * What people and providers comparing providers read, where the council publishes it: the
 * status in plain words, never the reasons (reserves, dependence, credit), which are for
 * council staff.
 */
export function plainRating(status: Rag): string {
  switch (status) {
    case "green":
      return "The council's last check of their finances found no concerns";
    case "amber":
      return "The council's last check of their finances found some concerns";
    case "red":
      return "The council's last check of their finances found serious concerns";
  }
}
