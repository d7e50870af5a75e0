import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  OwnIdentityRequests,
  IdentityRequests as Requests,
} from "../../../src/modules/providers/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Radios, Select, Textarea, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate, PROVIDER_KIND_LABELS } from "../format";

type Identity = { name?: string; kind?: string; careInspectorateNumber?: string | null };

const FIELD_WORDS: Record<string, string> = {
  name: "Name",
  kind: "Kind of provider",
  careInspectorateNumber: "Care Inspectorate number",
};

const describe = (identity: Identity) =>
  Object.entries(identity)
    .map(([field, value]) => {
      const shown =
        field === "kind" ? (PROVIDER_KIND_LABELS[String(value)] ?? value) : (value ?? "none");
      return `${FIELD_WORDS[field] ?? field}: ${shown}`;
    })
    .join("; ");

/** For commissioners: providers' requests to change who they are, to approve or reject. */
export function IdentityRequests() {
  const requests = useQuery({
    queryKey: ["provider-identity-requests"],
    queryFn: () => get<Requests>("/api/provider-identity-requests").then((r) => r.requests),
  });
  return (
    <section aria-labelledby="identity-requests-title">
      <h2 id="identity-requests-title">Providers asking to change their name or registration</h2>
      {!requests.data?.length ? (
        <p>No requests are waiting.</p>
      ) : (
        requests.data.map((r) => <Decide key={r.id} request={r} />)
      )}
    </section>
  );
}

function Decide({ request }: { request: Requests["requests"][number] }) {
  const [decision, setDecision] = useState("");
  const [note, setNote] = useState("");
  const form = useSubmit(
    () => post(`/api/provider-identity-requests/${request.id}/decision`, { decision, note }),
    () => {},
  );
  const id = `identity-${request.id}`;
  return (
    <article className="cairn-card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{request.current.name}</h3>
      <p>Now: {describe(request.current)}.</p>
      <p>
        Asks for: {describe(request.requested)}. Asked on {formatDate(request.requestedAt)}
        {request.reason ? `, because: ${request.reason}` : ""}.
      </p>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary
          errors={form.errors.map((e) => ({ ...e, path: `${id}-${e.path}` }))}
          detail={form.detail}
        />
        <Radios
          id={`${id}-decision`}
          label="Your decision"
          value={decision}
          onChange={setDecision}
          error={form.errorFor("decision")}
          options={[
            { value: "approved", label: "Approve: change the directory entry" },
            { value: "rejected", label: "Reject: keep the entry as it is" },
          ]}
        />
        <Textarea
          id={`${id}-note`}
          label="Note to the provider (optional)"
          value={note}
          onChange={setNote}
          error={form.errorFor("note")}
        />
        <Button disabled={form.pending}>Save the decision</Button>
      </form>
    </article>
  );
}

/** For a provider's own staff: ask the council to change its name, kind or registration. */
export function AskIdentityChange({
  providerId,
  current,
}: {
  providerId: string;
  current: { name: string; kind: string; careInspectorateNumber: string | null };
}) {
  const [name, setName] = useState(current.name);
  const [kind, setKind] = useState(current.kind);
  const [number, setNumber] = useState(current.careInspectorateNumber ?? "");
  const [reason, setReason] = useState("");
  const [sent, setSent] = useState(false);
  const mine = useQuery({
    queryKey: ["identity-requests", providerId],
    queryFn: () =>
      get<OwnIdentityRequests>(`/api/providers/${providerId}/identity-requests`).then(
        (r) => r.requests,
      ),
  });
  const form = useSubmit(
    () =>
      post(`/api/providers/${providerId}/identity-requests`, {
        name,
        kind,
        careInspectorateNumber: number,
        reason,
      }),
    () => setSent(true),
  );
  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">Ask the council to change your name or registration</h2>
      <p>
        Your name, kind of provider and Care Inspectorate number are changed by the council. Say
        what they should be, and why; a commissioner will decide.
      </p>
      {sent && <p role="status">Sent to the council.</p>}
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        <TextInput
          id="identity-name"
          label="Name"
          value={name}
          onChange={setName}
          error={form.errorFor("name")}
        />
        <Select
          id="identity-kind"
          label="Kind of provider"
          value={kind}
          onChange={setKind}
          options={Object.entries(PROVIDER_KIND_LABELS).map(([value, label]) => ({
            value,
            label,
          }))}
          error={form.errorFor("kind")}
        />
        <TextInput
          id="identity-number"
          label="Care Inspectorate number"
          hint="CS and 10 digits, or leave empty if not registered"
          value={number}
          onChange={setNumber}
          error={form.errorFor("careInspectorateNumber")}
        />
        <Textarea
          id="identity-reason"
          label="Why it should change"
          value={reason}
          onChange={setReason}
          error={form.errorFor("reason")}
        />
        <Button secondary disabled={form.pending}>
          Ask the council to change this
        </Button>
      </form>
      {mine.data && mine.data.length > 0 && (
        <ul>
          {mine.data.map((r) => (
            <li key={r.id}>
              {formatDate(r.requestedAt)}: {describe(r.requested)}:{" "}
              {r.status === "open" ? "waiting for the council" : r.status}
              {r.note ? ` (${r.note})` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
