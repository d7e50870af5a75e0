import { useQuery } from "@tanstack/react-query";
import type { PlanReply, SupportLine } from "../../../src/modules/plans/replies";
import { get } from "../api";

const planQuery = (personId: string) => ({
  queryKey: ["plan", personId],
  queryFn: () => get<PlanReply>(`/api/people/${personId}/plan`),
});

/** The plan (null before one is written). */
export const useSupportPlan = (personId: string) =>
  useQuery({ ...planQuery(personId), select: (r: PlanReply) => r.plan });

/** The plan with what the signed-in user may do with it (from the policy, never their role). */
export const usePlanReply = (personId: string) => useQuery(planQuery(personId));

export const OPTION_WORDS: Record<string, { title: string; words: string }> = {
  "1": {
    title: "Option 1: a direct payment",
    words: "The money is paid to you. You buy support or employ your own personal assistants.",
  },
  "2": {
    title: "Option 2: you choose, a provider holds the money",
    words: "You choose a provider. They hold your budget and arrange support the way you direct.",
  },
  "3": {
    title: "Option 3: the council arranges it",
    words: "The council arranges and pays for your support for you.",
  },
  "4": {
    title: "Option 4: a mix",
    words: "Some of your support is arranged one way, some another.",
  },
};

export const KIND_WORDS: Record<string, string> = {
  "provider-service": "A service from a provider",
  "personal-assistant": "A personal assistant",
  community: "Something in the community",
  purchase: "Something to buy",
  pooled: "Support shared with others",
};

export const PRINCIPLE_WORDS: Record<string, string> = {
  involvement: "Involvement",
  collaboration: "Collaboration",
  "informed-choice": "Informed choice",
  "participation-and-dignity": "Participation and dignity",
};

const pounds = (pence: number) =>
  `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, "0")}`;

/** A saved line as the API takes it back, so a new version keeps every line as it was. */
export function lineInput(line: SupportLine) {
  const cost =
    line.kind === "pooled"
      ? undefined
      : line.cost.type === "hourly"
        ? {
            type: "hourly",
            minutesPerWeek: line.cost.minutesPerWeek,
            hourlyRate: pounds(line.cost.hourlyRatePence),
          }
        : line.cost.type === "recurring"
          ? { type: "recurring", amount: pounds(line.cost.amountPence), per: line.cost.per }
          : { type: "one-off", amount: pounds(line.cost.amountPence) };
  return {
    id: line.id,
    outcomeId: line.outcomeId,
    kind: line.kind,
    description: line.description,
    option: line.option,
    cost,
    providerId: line.providerId,
    serviceId: line.serviceId,
    poolId: line.poolId,
    howItMeetsOutcome: line.howItMeetsOutcome,
    familyMember: line.familyMemberReason !== null,
    familyMemberReason: line.familyMemberReason ?? "",
  };
}
