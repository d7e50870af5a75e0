import { useQuery } from "@tanstack/react-query";
import type { Contract, PersonContracts } from "../../../src/modules/contracts/replies";
import { get } from "../api";

/** A party to an agreement: the person, the provider or the council. */
export type Party = Contract["waitingFor"][number];

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
    queryFn: () => get<PersonContracts>(`/api/people/${personId}/contracts`),
  });
