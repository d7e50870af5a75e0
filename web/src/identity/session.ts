import { useQuery } from "@tanstack/react-query";
import { ApiError, get, setCsrfToken } from "../api";
import type { SessionUser } from "../types";

interface SessionReply {
  user: SessionUser;
  csrfToken: string;
}

/** The signed-in user, or null; keeps the CSRF token for writes. */
export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      try {
        const reply = await get<SessionReply>("/api/session");
        setCsrfToken(reply.csrfToken);
        return reply.user;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}

export type { SessionReply };
