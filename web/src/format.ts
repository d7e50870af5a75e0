/** "£12,345.67" from integer pence, with no floating-point arithmetic on the amount. */
export function formatPence(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  return `${sign}£${Math.floor(abs / 100).toLocaleString("en-GB")}.${String(abs % 100).padStart(2, "0")}`;
}

/** "17 May 1948" from "1948-05-17" (or an ISO timestamp). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

export const ROLE_LABELS: Record<string, string> = {
  "supported-person": "Supported person",
  representative: "Carer or representative",
  "social-worker": "Social worker",
  "team-manager": "Team manager",
  "provider-staff": "Provider staff",
  "finance-officer": "Finance officer",
  commissioner: "Commissioner",
  administrator: "Administrator",
};

export const STAGE_LABELS: Record<string, string> = {
  referred: "Referred",
  assessing: "Being assessed",
  assessed: "Assessed",
  "not-eligible": "Not eligible",
  eligible: "Eligible",
  "budget-set": "Budget set",
  "awaiting-provider": "Waiting for provider",
  "provider-declined": "Provider declined",
  active: "Support active",
};

export const OPTION_LABELS: Record<string, string> = {
  "1": "Option 1: direct payment",
  "2": "Option 2: provider holds the budget (Individual Service Fund)",
  "3": "Option 3: the council arranges support",
};

/** Options as the figures count people: Option 4 when more than one of 1-3 is in force at once. */
export const REPORTED_OPTION_LABELS: Record<string, string> = {
  ...OPTION_LABELS,
  "4": "Option 4: a mix of options",
};

export const NATIONAL_OUTCOME_LABELS: Record<string, string> = {
  health: "Health",
  wellbeing: "Wellbeing",
  "social-inclusion": "Social inclusion",
  independence: "Independence",
};

export const PROVIDER_KIND_LABELS: Record<string, string> = {
  "in-house": "Council in-house",
  "arms-length-company": "Arm's-length council company",
  voluntary: "Voluntary",
  private: "Private",
  "social-enterprise": "Social enterprise",
  "micro-provider": "Small or micro-provider",
  "user-led": "User-led",
  "employee-owned": "Employee-owned co-operative",
  "independent-support-organisation": "Independent support organisation",
  "personal-assistant": "Personal assistant",
};

export const STREAM_LABELS: Record<string, string> = {
  "social-care": "Social care",
  health: "Health",
  "independent-living-fund": "Independent Living Fund",
  "carers-support": "Carers' support",
  "housing-support": "Housing support",
  other: "Other",
};

/** A whole number as a number, anything else as typed, so the API names what is wrong with it. */
export const wholeNumberOrText = (text: string) =>
  /^\d+$/.test(text.trim()) ? Number(text) : text;
