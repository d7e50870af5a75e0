import { useState } from "react";
import type { Provider, ProviderChanged } from "../../../src/modules/providers/replies";
import { api } from "../api";
import { Button, ErrorSummary, Textarea, TextInput } from "../components/fields";
import { Loading, PageHeader, SummaryList } from "../components/layout";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence, PROVIDER_KIND_LABELS } from "../format";
import { useSession } from "../identity/session";
import { useProviderEntry, useProviderHistory } from "./directory";
import { AskIdentityChange } from "./IdentityRequests";
import { ServiceForm } from "./ServiceForm";

/** A provider's own entry in the directory: contact details, services, and every change. */
export function ProviderEntryPage({ providerId }: { providerId: string }) {
  const entry = useProviderEntry(providerId);
  const session = useSession();
  if (entry.isPending) return <Loading />;
  if (!entry.data) return <p>This provider could not be loaded.</p>;
  const { provider, services } = entry.data;
  return (
    <>
      <PageHeader title={provider.name} label="Your entry in the directory" />
      <p>
        People, families and social workers find you by what you enter here. Keep the hours you have
        free up to date: it decides whether you show as able to start now.
      </p>
      <SummaryList
        rows={[
          ["Name", provider.name],
          ["Kind of provider", PROVIDER_KIND_LABELS[provider.kind] ?? provider.kind],
          ["Care Inspectorate number", provider.careInspectorateNumber ?? "Not registered"],
          [
            "Address",
            [provider.address1, provider.town, provider.postcode].filter(Boolean).join(", ") ||
              "None given",
          ],
        ]}
      />
      {session.data?.providerId === providerId && (
        <AskIdentityChange providerId={providerId} current={provider} />
      )}
      <section aria-labelledby="contact">
        <h2 id="contact">Contact details</h2>
        <ContactForm provider={provider} />
      </section>
      <section aria-labelledby="services">
        <h2 id="services">Your services</h2>
        {services.length === 0 && <p>You have no services in the directory yet.</p>}
        {services.map((s) => (
          <details className="ds_details" key={s.id}>
            <summary className="ds_details__summary">
              {s.name}: {formatPence(s.hourlyRatePence)} an hour, {s.availableHoursPerWeek} hours
              free (version {s.version})
            </summary>
            <div className="ds_details__text">
              <ServiceForm providerId={providerId} service={s} />
            </div>
          </details>
        ))}
      </section>
      <section aria-labelledby="add">
        <h2 id="add">Add a service</h2>
        <ServiceForm providerId={providerId} />
      </section>
      <History providerId={providerId} />
    </>
  );
}

function ContactForm({ provider }: { provider: Provider }) {
  const fields = useFields({
    phone: provider.phone ?? "",
    email: provider.email ?? "",
    website: provider.website ?? "",
    summary: provider.summary,
  });
  const [saved, setSaved] = useState<string>();
  const { id, version, ...entry } = provider;
  const form = useSubmit(
    () =>
      api<ProviderChanged>("PUT", `/api/providers/${id}`, {
        ...entry,
        address1: entry.address1 ?? "",
        town: entry.town ?? "",
        postcode: entry.postcode ?? "",
        careInspectorateNumber: entry.careInspectorateNumber ?? "",
        ...fields.values,
      }),
    (r) =>
      setSaved(
        r.changed.length ? "Contact details saved as a new version." : "Nothing had changed.",
      ),
  );
  const field = fields.bind(form.errorFor);
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary errors={form.errors} detail={form.detail} />
      {saved && <p role="status">{saved}</p>}
      <TextInput label="Phone" {...field("phone")} />
      <TextInput label="Email" type="email" {...field("email")} />
      <TextInput label="Website" {...field("website")} />
      <Textarea label="About you, in a few sentences" {...field("summary")} />
      <Button disabled={form.pending}>Save contact details</Button>
    </form>
  );
}

const FIELD_WORDS: Record<string, string> = {
  availableHoursPerWeek: "hours free",
  acceptingNewPeople: "taking on new people",
  capacityHoursPerWeek: "capacity",
  hourlyRatePence: "hourly rate",
  localityIds: "areas",
  supportTypes: "types of support",
  accessibleInformation: "plain-words information",
};

function History({ providerId }: { providerId: string }) {
  const history = useProviderHistory(providerId);
  return (
    <section aria-labelledby="history">
      <h2 id="history">Every change, newest first</h2>
      <table className="ds_table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Entry</th>
            <th scope="col">Version</th>
            <th scope="col">What changed</th>
          </tr>
        </thead>
        <tbody>
          {(history.data ?? []).map((v) => (
            <tr key={`${v.entityId}-${v.version}`}>
              <td>{formatDate(v.changedAt)}</td>
              <td>{v.entity === "provider" ? "Contact details" : v.snapshot.name}</td>
              <td>{v.version}</td>
              <td>
                {v.changedFields.length
                  ? v.changedFields.map((f) => FIELD_WORDS[f] ?? f).join(", ")
                  : "First version"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
