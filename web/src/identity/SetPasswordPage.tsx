import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { LinkOwner } from "../../../src/modules/identity/replies";
import { ApiError, post } from "../api";
import { FormPage } from "../components/FormPage";
import { TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { Link } from "../router";

/** The token in this page's address (/set-password?token=...). */
const tokenHere = () => new URLSearchParams(window.location.search).get("token") ?? "";

/**
 * The owner of an account chooses their password with the one-time link they were given.
 * It signs them in nowhere: they sign in afterwards, with the password only they know.
 */
export function SetPasswordPage() {
  const [token] = useState(tokenHere);
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [done, setDone] = useState<string>();
  const owner = useQuery({
    queryKey: ["link-owner", token],
    queryFn: () => post<LinkOwner>("/api/set-password/owner", { token }),
    retry: false,
  });
  const form = useSubmit(
    async () => {
      if (password !== again)
        throw new ApiError(400, "Invalid request", "", [
          { path: "again", message: "The two passwords are not the same" },
        ]);
      return post<{ email: string }>("/api/set-password", { token, password });
    },
    (reply) => setDone(reply.email),
  );
  if (done) {
    return (
      <>
        <PageHeader title="Your password is set" />
        <p>
          You can now <Link href="/sign-in">sign in</Link> with {done} and your new password. Keep
          it to yourself: no one from the council will ever ask you for it.
        </p>
      </>
    );
  }
  if (owner.isPending) return <Loading />;
  if (owner.isError) {
    return (
      <>
        <PageHeader title="This link is not working" />
        <p>
          It may have been used already, have expired, be incomplete, or have been replaced by a
          newer link. Ask your social worker or the council for a new link.
        </p>
        <p>
          <Link href="/sign-in">Go to sign in</Link>
        </p>
      </>
    );
  }
  const { email, displayName, purpose } = owner.data;
  return (
    <FormPage
      title={purpose === "reset" ? "Choose a new password" : "Choose your password"}
      form={form}
      submitLabel="Set my password"
      intro={
        <>
          <p>
            This is for {displayName}, who signs in as <strong>{email}</strong>. If that is not you,
            close this page.
          </p>
          <p>
            Choose a password of at least 12 characters. A few words you will remember, with spaces,
            works well. Do not use one you use anywhere else.
          </p>
        </>
      }
    >
      <TextInput
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={form.errorFor("password")}
      />
      <TextInput
        id="again"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={setAgain}
        error={form.errorFor("again")}
      />
    </FormPage>
  );
}
