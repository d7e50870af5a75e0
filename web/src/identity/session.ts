import { useQuery } from "@tanstack/react-query";
import type { SessionReply } from "../../../src/modules/identity/replies";
import { ApiError, get, setCsrfToken } from "../api";

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
