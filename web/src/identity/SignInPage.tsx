import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DemoAccounts } from "../../../src/demo/replies";
import type { SessionReply } from "../../../src/modules/identity/replies";
import { get, post, setCsrfToken } from "../api";
import { FormPage } from "../components/FormPage";
import { TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { ROLE_LABELS } from "../format";
import { Link, navigate } from "../router";

export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = (asEmail: string, asPassword: string) => async () => {
    const reply = await post<SessionReply>("/api/session", {
      email: asEmail,
      password: asPassword,
    });
    setCsrfToken(reply.csrfToken);
    return reply;
  };
  const form = useSubmit(signIn(email, password), () => navigate("/"));
  const demo = useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => get<DemoAccounts>("/api/demo/accounts").catch(() => null),
  });

  return (
    <>
      <FormPage title="Sign in to Cairn" form={form} submitLabel="Sign in">
        <TextInput
          id="email"
          label="Email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          error={form.errorFor("email")}
        />
        <TextInput
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={form.errorFor("password")}
        />
      </FormPage>
      <p>
        No account? You can <Link href="/prepare">prepare to talk to social work</Link> and send it
        to us without one. See{" "}
        <Link href="/how-budgets-are-worked-out">how we work out budgets</Link>.
      </p>
      {demo.data && <DemoPicker demo={demo.data} signIn={signIn} />}
    </>
  );
}

function DemoPicker({
  demo,
  signIn,
}: {
  demo: DemoAccounts;
  signIn: (email: string, password: string) => () => Promise<SessionReply>;
}) {
  return (
    <section aria-labelledby="demo-title" className="cairn-card">
      <h2 id="demo-title">Demo accounts</h2>
      <p>
        This is a demonstration council. Every demo account's password is{" "}
        <code>{demo.password}</code>.
      </p>
      <ul className="ds_no-bullets">
        {demo.accounts.map((account) => (
          <li key={account.email}>
            <DemoButton account={account} send={signIn(account.email, demo.password)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DemoButton({
  account,
  send,
}: {
  account: DemoAccounts["accounts"][number];
  send: () => Promise<SessionReply>;
}) {
  const form = useSubmit(send, () => navigate("/"));
  return (
    <form onSubmit={form.submit}>
      <button type="submit" className="ds_button ds_button--secondary ds_button--small">
        Sign in as {account.displayName}
      </button>{" "}
      {ROLE_LABELS[account.role]}
      {account.description ? `: ${account.description}` : ""}
    </form>
  );
}
