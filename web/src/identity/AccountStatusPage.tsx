import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Account, AccountStatusReply, Accounts } from "../../../src/modules/identity/replies";
import { api, get } from "../api";
import { FormPage } from "../components/FormPage";
import { Textarea } from "../components/fields";
import { Loading, PageHeader, SummaryList } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { ROLE_LABELS } from "../format";
import { Link } from "../router";

/** An administrator turns an account off (with a reason) or on again. */
export function AccountStatusPage({ userId }: { userId: string }) {
  const users = useQuery({ queryKey: ["users"], queryFn: () => get<Accounts>("/api/users") });
  const [done, setDone] = useState<{ reply: AccountStatusReply; account: Account }>();
  const account = users.data?.users.find((u) => u.id === userId);
  if (done) return <Done {...done} />;
  if (users.isPending) return <Loading />;
  if (!account) {
    return (
      <>
        <PageHeader title="Account not found" />
        <p>
          There is no account with that id. <Link href="/">Back to administration</Link>
        </p>
      </>
    );
  }
  return account.disabledAt ? (
    <TurnOn account={account} onDone={(reply) => setDone({ reply, account })} />
  ) : (
    <TurnOff account={account} onDone={(reply) => setDone({ reply, account })} />
  );
}

const who = (account: Account): [string, string][] => [
  ["Name", account.displayName],
  ["Email", account.email],
  ["Role", ROLE_LABELS[account.role] ?? account.role],
];

function TurnOff({
  account,
  onDone,
}: {
  account: Account;
  onDone: (reply: AccountStatusReply) => void;
}) {
  const [reason, setReason] = useState("");
  const form = useSubmit(
    () =>
      api<AccountStatusReply>("PUT", `/api/users/${account.id}/status`, {
        status: "disabled",
        reason,
      }),
    onDone,
  );
  return (
    <FormPage
      title={`Turn off ${account.displayName}'s account`}
      form={form}
      submitLabel="Turn off the account"
      intro={
        <>
          <SummaryList rows={who(account)} />
          <p>
            They are signed out everywhere at once and cannot sign in until the account is turned on
            again. Nothing they did is changed. The reason is kept in the audit log.
          </p>
        </>
      }
    >
      <Textarea
        id="reason"
        label="Why is the account being turned off?"
        hint="For example: left the council, or the account may have been misused"
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
    </FormPage>
  );
}

function TurnOn({
  account,
  onDone,
}: {
  account: Account;
  onDone: (reply: AccountStatusReply) => void;
}) {
  const form = useSubmit(
    () => api<AccountStatusReply>("PUT", `/api/users/${account.id}/status`, { status: "enabled" }),
    onDone,
  );
  return (
    <FormPage
      title={`Turn on ${account.displayName}'s account`}
      form={form}
      submitLabel="Turn on the account"
      intro={
        <>
          <SummaryList
            rows={[
              ...who(account),
              ["Turned off", new Date(account.disabledAt ?? "").toLocaleString("en-GB")],
              ["Why", account.disabledReason ?? ""],
            ]}
          />
          <p>They will be able to sign in again.</p>
        </>
      }
    >
      {null}
    </FormPage>
  );
}

function Done({ reply, account }: { reply: AccountStatusReply; account: Account }) {
  const ended =
    reply.sessionsEnded === 1
      ? "1 session was ended."
      : `${reply.sessionsEnded} sessions were ended.`;
  return (
    <>
      <PageHeader title={reply.disabled ? "Account turned off" : "Account turned on"} />
      <div className="ds_notification-panel" role="status">
        <p>
          {reply.disabled
            ? `${account.displayName} can no longer sign in. ${ended}`
            : `${account.displayName} can sign in again.`}
        </p>
      </div>
      <p>
        <Link href="/">Back to administration</Link>
      </p>
    </>
  );
}
