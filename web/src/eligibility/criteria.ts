import { useQuery } from "@tanstack/react-query";
import type { Criteria } from "../../../src/modules/eligibility/replies";
import { get } from "../api";

export type { Criteria };
export type RiskLevel = Criteria["fundedLevels"][number];

export const RISK_LEVELS: { value: RiskLevel; label: string; hint: string }[] = [
  {
    value: "critical",
    label: "Critical",
    hint: "Major risks to independent living or health and wellbeing; support needed now or within 1-2 days.",
  },
  {
    value: "substantial",
    label: "Substantial",
    hint: "Significant risks to independence or health and wellbeing; support needed within 1-3 months.",
  },
  {
    value: "moderate",
    label: "Moderate",
    hint: "Some risks; may need some support, with a review.",
  },
  { value: "low", label: "Low", hint: "Low risks; advice and other support may be given." },
];

export const useCriteria = () =>
  useQuery({
    queryKey: ["eligibility-criteria"],
    queryFn: () => get<Criteria>("/api/eligibility-criteria"),
  });
