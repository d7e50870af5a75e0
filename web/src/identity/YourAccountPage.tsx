import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  OwnSession,
  OwnSessions,
  SessionsEnded,
  SessionUser,
} from "../../../src/modules/identity/replies";
import { api, get } from "../api";
import { ErrorSummary } from "../components/fields";
import { Loading, PageHeader, SummaryList, Tag } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { ROLE_LABELS } from "../format";
import { OwnSignIn } from "./OwnSignIn";

const when = (at: string) =>
  new Date(at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** The signed-in user's own account: who they are, and where they are signed in. */
export function YourAccountPage({ user }: { user: SessionUser }) {
  return (
    <>
      <PageHeader title="Your account" />
      <SummaryList
        rows={[
          ["Name", user.displayName],
          ["Email", user.email],
          ["Role", ROLE_LABELS[user.role]],
        ]}
      />
      <OwnSignIn />
      <YourSessions />
    </>
  );
}

/** Where the user is signed in, with signing one or every other out. */
export function YourSessions() {
  const [done, setDone] = useState<string>();
  const sessions = useQuery({
    queryKey: ["own-sessions"],
    queryFn: () => get<OwnSessions>("/api/sessions"),
  });
  const others = (sessions.data?.sessions ?? []).filter((s) => !s.current);
  const signOutOthers = useSubmit(
    () => api<SessionsEnded>("DELETE", "/api/sessions/others"),
    ({ ended }) =>
      setDone(
        ended === 1 ? "You signed out 1 other session." : `You signed out ${ended} other sessions.`,
      ),
  );
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      <p>
        Each browser signed in to your account. If you do not recognise one, sign it out and change
        your password. You are signed out after 30 minutes without using Cairn, and after 8 hours
        whatever you do.
      </p>
      {done && <p role="status">{done}</p>}
      <ErrorSummary errors={signOutOthers.errors} detail={signOutOthers.detail} />
      {sessions.isPending ? (
        <Loading />
      ) : (
        <table className="ds_table">
          <caption className="visually-hidden">Your sessions</caption>
          <thead>
            <tr>
              <th scope="col">Browser</th>
              <th scope="col">From address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(sessions.data?.sessions ?? []).map((s) => (
              <tr key={s.id}>
                <td>{s.device}</td>
                <td>{s.ip ?? "Not known"}</td>
                <td>{when(s.startedAt)}</td>
                <td>{when(s.lastSeenAt)}</td>
                <td>
                  {s.current ? (
                    <Tag>This browser</Tag>
                  ) : (
                    <SignOutOne session={s} onDone={setDone} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {others.length > 0 && (
        <form onSubmit={signOutOthers.submit}>
          <button type="submit" className="ds_button" disabled={signOutOthers.pending}>
            Sign out of every other session
          </button>
        </form>
      )}
    </section>
  );
}

function SignOutOne({ session, onDone }: { session: OwnSession; onDone: (m: string) => void }) {
  const form = useSubmit(
    () => api<SessionsEnded>("DELETE", `/api/sessions/${session.id}`),
    () => onDone(`You signed out ${session.device}, signed in ${when(session.startedAt)}.`),
  );
  return (
    <form onSubmit={form.submit}>
      <button
        type="submit"
        className="ds_button ds_button--secondary ds_button--small"
        disabled={form.pending}
      >
        Sign out
        <span className="visually-hidden">
          {" "}
          {session.device}, signed in {when(session.startedAt)}
        </span>
      </button>
      {form.detail && <p className="ds_question__error-message">{form.detail}</p>}
    </form>
  );
}
