import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  ContractTemplate as Template,
  TemplatesInUse,
} from "../../../src/modules/contracts/replies";
import { api, get } from "../api";
import { Button, ErrorSummary, Select, Textarea, TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { KIND_WORDS } from "./contracts";

/** Administrators keep the council's contract templates: each publish is a new version. */
export function TemplatesAdmin() {
  const templates = useQuery({
    queryKey: ["contract-templates"],
    queryFn: () => get<TemplatesInUse>("/api/contract-templates").then((r) => r.templates),
  });
  const [kind, setKind] = useState<Template["kind"]>("three-way");
  if (templates.isPending) return <Loading />;
  const current = templates.data?.find((t) => t.kind === kind);
  return (
    <>
      <PageHeader title="Contract templates" />
      <p>
        Plain words only. Every template needs a clause on each required topic; Cairn refuses
        wording that moves social work risk onto people or providers. Terms in double braces, like{" "}
        {"{{person}}"} or {"{{hourlyRate}}"}, are filled in from the plan.
      </p>
      <Select
        id="template-kind"
        label="Kind of agreement"
        value={kind}
        onChange={(k) => setKind(k as Template["kind"])}
        options={Object.entries(KIND_WORDS).map(([value, label]) => ({ value, label }))}
      />
      {current && <Editor key={`${kind}-${current.template.title}`} template={current.template} />}
    </>
  );
}

function Editor({ template }: { template: Template }) {
  const [title, setTitle] = useState(template.title);
  const [clauses, setClauses] = useState(
    template.clauses.map((c) => ({ ...c, easyReadText: c.easyRead.join("\n") })),
  );
  const [saved, setSaved] = useState(false);
  const form = useSubmit(
    () =>
      api("PUT", `/api/contract-templates/${template.kind}`, {
        title,
        clauses: clauses.map(({ easyReadText, ...c }) => ({
          ...c,
          easyRead: easyReadText
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean),
        })),
      }),
    () => setSaved(true),
  );
  const change = (i: number, field: "heading" | "text" | "easyReadText", value: string) =>
    setClauses((all) => all.map((c, j) => (j === i ? { ...c, [field]: value } : c)));
  const errorFor = (i: number, field: string) =>
    form.errors.find(
      (e) => e.path === `clauses.${i}.${field}` || e.path.startsWith(`clauses.${i}.${field}.`),
    )?.message;
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary
        errors={form.errors.map((e) => ({
          ...e,
          path: e.path.replace(/^clauses\.(\d+)\.(\w+).*/, "clause-$1-$2"),
        }))}
        detail={form.detail}
      />
      {saved && <p role="status">Published as a new version.</p>}
      <TextInput
        id="title"
        label="Title"
        value={title}
        onChange={setTitle}
        error={form.errorFor("title")}
      />
      {clauses.map((c, i) => (
        <fieldset key={c.topic} className="cairn-card">
          <legend className="ds_label">{c.topic.replaceAll("-", " ")}</legend>
          <TextInput
            id={`clause-${i}-heading`}
            label="Heading"
            value={c.heading}
            onChange={(v) => change(i, "heading", v)}
            error={errorFor(i, "heading")}
          />
          <Textarea
            id={`clause-${i}-text`}
            label="Text"
            value={c.text}
            onChange={(v) => change(i, "text", v)}
            error={errorFor(i, "text")}
          />
          <Textarea
            id={`clause-${i}-easyRead`}
            label="Easy read (one idea a line)"
            value={c.easyReadText}
            onChange={(v) => change(i, "easyReadText", v)}
            error={errorFor(i, "easyRead")}
          />
        </fieldset>
      ))}
      <Button disabled={form.pending}>Publish this template</Button>
    </form>
  );
}
