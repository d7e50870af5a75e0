import { useQuery } from "@tanstack/react-query";
import type {
  DirectoryHistory,
  ProviderEntry,
  Vocabulary,
} from "../../../src/modules/providers/replies";
import { get } from "../api";

export const useProviderEntry = (providerId: string) =>
  useQuery({
    queryKey: ["provider", providerId],
    queryFn: () => get<ProviderEntry>(`/api/providers/${providerId}`),
  });

export const useProviderHistory = (providerId: string) =>
  useQuery({
    queryKey: ["provider-history", providerId],
    queryFn: () =>
      get<DirectoryHistory>(`/api/providers/${providerId}/history`).then((r) => r.versions),
  });

export const useVocabulary = () =>
  useQuery({
    queryKey: ["vocabulary"],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => get<Vocabulary>("/api/public/vocabulary"),
  });
