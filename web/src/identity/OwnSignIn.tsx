import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  OwnAccount,
  PasswordChanged,
  TwoStepSetup,
} from "../../../src/modules/identity/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { Loading } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { TwoStepSecret } from "./SignInPage";

/** The signed-in user's own sign-in, on Your account: change the password, turn on two-step. */
export function OwnSignIn() {
  const account = useQuery({
    queryKey: ["own-account"],
    queryFn: () => get<OwnAccount>("/api/account"),
  });
  if (!account.data) return <Loading />;
  return (
    <>
      <ChangePassword />
      <TwoStep state={account.data.twoStep} />
    </>
  );
}

function ChangePassword() {
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const [changed, setChanged] = useState<PasswordChanged>();
  const form = useSubmit(
    () => post<PasswordChanged>("/api/account/password", { currentPassword, newPassword }),
    (reply) => {
      setChanged(reply);
      setCurrent("");
      setNew("");
    },
  );
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      {changed && (
        <p role="status" className="ds_inset-text">
          Your password is changed.{" "}
          {changed.otherSessionsEnded
            ? `You were signed out everywhere else (${changed.otherSessionsEnded}).`
            : ""}
        </p>
      )}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <TextInput
          id="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
          error={form.errorFor("currentPassword")}
        />
        <TextInput
          id="newPassword"
          label="New password"
          hint="At least 12 characters. A few words you will remember works well."
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNew}
          error={form.errorFor("newPassword")}
        />
        <Button disabled={form.pending}>Change password</Button>
      </form>
    </section>
  );
}

function TwoStep({ state }: { state: OwnAccount["twoStep"] }) {
  const [setup, setSetup] = useState<TwoStepSetup>();
  const [code, setCode] = useState("");
  const start = useSubmit(() => post<TwoStepSetup>("/api/account/two-step/setup", {}), setSetup);
  const finish = useSubmit(
    () => post<{ on: true }>("/api/account/two-step", { code }),
    () => setSetup(undefined),
  );
  return (
    <section aria-labelledby="two-step-title">
      <h2 id="two-step-title">Two-step sign-in</h2>
      {state.on ? (
        <p>
          Two-step sign-in is on: after your password, Cairn asks for the code from your
          authenticator app. If you lose your phone, ask an administrator to reset it.
        </p>
      ) : setup ? (
        <>
          <p>
            In an authenticator app on your phone, add Cairn: choose to enter a setup key, and type
            this key. It is shown only now.
          </p>
          <TwoStepSecret secret={setup.secret} uri={setup.otpauthUri} />
          <ErrorSummary errors={finish.errors} detail={finish.detail} />
          <form onSubmit={finish.submit} noValidate>
            <TextInput
              id="code"
              label="The 6-digit code the app shows"
              inputMode="numeric"
              autoComplete="one-time-code"
              value={code}
              onChange={setCode}
              error={finish.errorFor("code")}
            />
            <Button disabled={finish.pending}>Turn on two-step sign-in</Button>
          </form>
        </>
      ) : (
        <>
          <p>
            {state.required
              ? "The council requires two-step sign-in for your role."
              : "Two-step sign-in is off. With it on, your password alone is not enough to sign in as you."}
          </p>
          <ErrorSummary errors={start.errors} detail={start.detail} />
          <form onSubmit={start.submit}>
            <Button disabled={start.pending}>Set up two-step sign-in</Button>
          </form>
        </>
      )}
    </section>
  );
}
