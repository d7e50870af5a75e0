import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DemoAccounts } from "../../../src/demo/replies";
import type { SessionReply, TwoStepNeeded } from "../../../src/modules/identity/replies";
import { get, post, setCsrfToken } from "../api";
import { FormPage } from "../components/FormPage";
import { TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { ROLE_LABELS } from "../format";
import { Link, navigate } from "../router";

type SignedIn = SessionReply | TwoStepNeeded;

export function SignInPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [secondStep, setSecondStep] = useState<TwoStepNeeded>();
  const signIn = (asEmail: string, asPassword: string) => async () => {
    const reply = await post<SignedIn>("/api/session", {
      email: asEmail,
      password: asPassword,
    });
    if ("csrfToken" in reply) setCsrfToken(reply.csrfToken);
    return reply;
  };
  const signedIn = (reply: SignedIn) => {
    if ("twoStep" in reply) setSecondStep(reply);
    else navigate("/");
  };
  const form = useSubmit(signIn(email, password), signedIn);
  const demo = useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => get<DemoAccounts>("/api/demo/accounts").catch(() => null),
  });

  if (secondStep) return <TwoStepPage step={secondStep} />;
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
        <Link href="/forgotten-password">Forgotten your password?</Link>
      </p>
      <p>
        No account? You can <Link href="/prepare">prepare to talk to social work</Link> and send it
        to us without one. See{" "}
        <Link href="/how-budgets-are-worked-out">how we work out budgets</Link>.
      </p>
      {demo.data && <DemoPicker demo={demo.data} signIn={signIn} signedIn={signedIn} />}
    </>
  );
}

function DemoPicker({
  demo,
  signIn,
  signedIn,
}: {
  demo: DemoAccounts;
  signIn: (email: string, password: string) => () => Promise<SignedIn>;
  signedIn: (reply: SignedIn) => void;
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
            <DemoButton
              account={account}
              send={signIn(account.email, demo.password)}
              signedIn={signedIn}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DemoButton({
  account,
  send,
  signedIn,
}: {
  account: DemoAccounts["accounts"][number];
  send: () => Promise<SignedIn>;
  signedIn: (reply: SignedIn) => void;
}) {
  const form = useSubmit(send, signedIn);
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

/**
 * The second step: the code from the person's authenticator app. When their role requires
 * two-step and it is not on yet, they first put the secret in their app (shown this once).
 */
function TwoStepPage({ step }: { step: TwoStepNeeded }) {
  const [code, setCode] = useState("");
  const form = useSubmit(
    async () => {
      const reply = await post<SessionReply>("/api/session/two-step", {
        challenge: step.challenge,
        code,
      });
      setCsrfToken(reply.csrfToken);
      return reply;
    },
    () => navigate("/"),
  );
  const setup = step.twoStep === "setup";
  return (
    <FormPage
      title={setup ? "Set up two-step sign-in" : "Enter your code"}
      form={form}
      submitLabel={setup ? "Turn on and sign in" : "Sign in"}
      intro={
        setup ? (
          <>
            <p>
              The council asks everyone in your role to use two-step sign-in. Add Cairn to an
              authenticator app on your phone (such as Microsoft Authenticator or Google
              Authenticator): choose to enter a setup key, and type this key.
            </p>
            <TwoStepSecret secret={step.secret ?? ""} uri={step.otpauthUri ?? ""} />
            <p>Then enter the 6-digit code the app shows for Cairn.</p>
          </>
        ) : (
          <p>
            Open the authenticator app on your phone and enter the 6-digit code it shows for Cairn.
          </p>
        )
      }
    >
      <TextInput
        id="code"
        label="Code"
        hint="6 digits, for example 123456"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        error={form.errorFor("code")}
      />
    </FormPage>
  );
}

/** A two-step secret as text (the key to type) and as the otpauth address some apps take. */
export function TwoStepSecret({ secret, uri }: { secret: string; uri: string }) {
  return (
    <dl className="ds_summary-list">
      <div className="ds_summary-list__item">
        <dt className="ds_summary-list__key">Setup key</dt>
        <dd className="ds_summary-list__value">
          <code id="two-step-secret">{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </dd>
      </div>
      <div className="ds_summary-list__item">
        <dt className="ds_summary-list__key">Or this address</dt>
        <dd className="ds_summary-list__value">
          <code className="cairn-link-text">{uri}</code>
        </dd>
      </div>
    </dl>
  );
}
