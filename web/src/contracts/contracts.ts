import { useQuery } from "@tanstack/react-query";
import { get } from "../api";

export type Party = "person" | "provider" | "council";

export interface Contract {
  id: string;
  kind: "three-way" | "direct-payment-agreement" | "service-order";
  version: number;
  documentHash: string;
  verified: boolean;
  status: "awaiting-signatures" | "active";
  waitingFor: Party[];
  changeSummary: string[];
  document: {
    title: string;
    parties: { party: Party; name: string; signs: boolean }[];
    sections: { heading: string; paragraphs: string[]; easyRead: string[] }[];
  };
  signatures: {
    party: Party;
    signerName: string;
    signedAt: string;
    method: "online" | "paper";
    signedOn: string | null;
    recordedBy: string | null;
    /** How it was signed, in words ("signed by … on paper on …, recorded by …"). */
    said: string;
  }[];
  questions: { id: string; question: string; answer: string | null }[];
  rateRequests: {
    id: string;
    proposedRatePence: number;
    reason: string;
    status: "open" | "agreed" | "declined";
    raisedAt: string;
  }[];
}

export const PARTY_WORDS: Record<Party, string> = {
  person: "the person",
  provider: "the provider",
  council: "the council",
};

export const KIND_WORDS: Record<Contract["kind"], string> = {
  "three-way": "Option 2 agreement between the person, the provider and the council",
  "direct-payment-agreement":
    "Option 1 direct payment agreement between the person and the council",
  "service-order": "Option 3 service order between the council and the provider",
};

export const useContracts = (personId: string) =>
  useQuery({
    queryKey: ["contracts", personId],
    queryFn: () =>
      get<{ contracts: Contract[] }>(`/api/people/${personId}/contracts`).then((r) => r.contracts),
  });

/** The party a signed-in user naturally signs for (the API checks they hold the authority). */
export function partyOf(role: string): Party | null {
  if (role === "supported-person" || role === "representative") return "person";
  if (role === "provider-staff") return "provider";
  if (role === "social-worker" || role === "team-manager") return "council";
  return null;
}
