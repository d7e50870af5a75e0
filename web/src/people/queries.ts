import { useQuery } from "@tanstack/react-query";
import type { Localities, PeopleList } from "../../../src/modules/people/replies";
import type { PersonRecord } from "../../../src/modules/person-record/replies";
import type { ProviderList } from "../../../src/modules/providers/replies";
import type { ReportSummary } from "../../../src/modules/reports/replies";
import { get } from "../api";

export const usePeople = (enabled = true) =>
  useQuery({
    queryKey: ["people"],
    queryFn: () => get<PeopleList>("/api/people").then((r) => r.people),
    enabled,
  });

export const usePerson = (personId: string) =>
  useQuery({
    queryKey: ["people", personId],
    queryFn: () => get<PersonRecord>(`/api/people/${personId}`),
  });

export const useProviders = () =>
  useQuery({
    queryKey: ["providers"],
    queryFn: () => get<ProviderList>("/api/providers").then((r) => r.providers),
  });

export const useSummary = () =>
  useQuery({ queryKey: ["summary"], queryFn: () => get<ReportSummary>("/api/reports/summary") });

export const fullName = (p: { givenName: string; familyName: string }) =>
  `${p.givenName} ${p.familyName}`;

/** The council's localities, for choosing where a person lives or a service reaches. */
export const useLocalities = () =>
  useQuery({
    queryKey: ["localities"],
    queryFn: () => get<Localities>("/api/localities").then((r) => r.localities),
  });
