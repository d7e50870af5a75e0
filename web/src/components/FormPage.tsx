import type { ReactNode } from "react";
import { Button, ErrorSummary } from "./fields";
import { PageHeader } from "./layout";
import type { useSubmit } from "./useSubmit";

/** A page that is one form: heading, what went wrong, the fields, one submit button. */
export function FormPage({
  title,
  intro,
  form,
  submitLabel,
  children,
}: {
  title: string;
  intro?: ReactNode;
  form: ReturnType<typeof useSubmit<unknown>>;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} />
      {intro}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        {children}
        <Button disabled={form.pending}>{submitLabel}</Button>
      </form>
    </>
  );
}
