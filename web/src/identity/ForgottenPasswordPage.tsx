import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { TextInput } from "../components/fields";
import { PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { Link } from "../router";

/** Anyone may ask; the answer is the same whether or not the email has an account. */
export function ForgottenPasswordPage() {
  const [email, setEmail] = useState("");
  const [answer, setAnswer] = useState<string>();
  const form = useSubmit(
    () => post<{ message: string }>("/api/password-resets", { email }),
    (reply) => setAnswer(reply.message),
  );
  if (answer) {
    return (
      <>
        <PageHeader title="What happens next" />
        <p role="status">{answer}</p>
        <p>
          <Link href="/sign-in">Back to sign in</Link>
        </p>
      </>
    );
  }
  return (
    <FormPage
      title="Forgotten your password?"
      form={form}
      submitLabel="Continue"
      intro={<p>Tell us the email you sign in with.</p>}
    >
      <TextInput
        id="email"
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        error={form.errorFor("email")}
      />
    </FormPage>
  );
}
