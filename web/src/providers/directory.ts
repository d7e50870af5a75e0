import { useQuery } from "@tanstack/react-query";
import { get } from "../api";

export interface DirectoryService {
  id: string;
  name: string;
  description: string;
  supportTypes: string[];
  localityIds: string[];
  capacityHoursPerWeek: number;
  availableHoursPerWeek: number;
  acceptingNewPeople: boolean;
  hourlyRatePence: number;
  languages: string[];
  accessibleInformation: string;
  status: "active" | "inactive";
  version: number;
  updatedAt: string;
}

export interface DirectoryProvider {
  id: string;
  name: string;
  kind: string;
  careInspectorateNumber: string | null;
  serviceType: string;
  address1: string | null;
  town: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  summary: string;
  version: number;
}

export interface DirectoryVersion {
  entity: "provider" | "service";
  entityId: string;
  version: number;
  changedFields: string[];
  changedAt: string;
  snapshot: { name?: string };
}

export const useProviderEntry = (providerId: string) =>
  useQuery({
    queryKey: ["provider", providerId],
    queryFn: () =>
      get<{ provider: DirectoryProvider; services: DirectoryService[] }>(
        `/api/providers/${providerId}`,
      ),
  });

export const useProviderHistory = (providerId: string) =>
  useQuery({
    queryKey: ["provider-history", providerId],
    queryFn: () =>
      get<{ versions: DirectoryVersion[] }>(`/api/providers/${providerId}/history`).then(
        (r) => r.versions,
      ),
  });

export const useVocabulary = () =>
  useQuery({
    queryKey: ["vocabulary"],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () =>
      get<{
        supportTypes: { code: string; name: string; description: string }[];
        languages: { code: string; name: string }[];
      }>("/api/public/vocabulary"),
  });
