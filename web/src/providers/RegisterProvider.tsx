import { useState } from "react";
import { post } from "../api";
import { Button, ErrorSummary, Select, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { PROVIDER_KIND_LABELS } from "../format";
import { navigate } from "../router";

/** Commissioners register a provider of any kind, then add its services on its page. */
export function RegisterProvider() {
  const [name, setName] = useState("");
  const [kind, setKind] = useState("");
  const [careInspectorateNumber, setNumber] = useState("");
  const [serviceType, setServiceType] = useState("");
  const [town, setTown] = useState("");
  const [postcode, setPostcode] = useState("");
  const form = useSubmit(
    () =>
      post<{ id: string }>("/api/providers", {
        name,
        kind,
        careInspectorateNumber,
        serviceType,
        town,
        postcode,
      }),
    (provider) => navigate(`/providers/${provider.id}`),
  );
  return (
    <section aria-labelledby="register">
      <h2 id="register">Register a provider</h2>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        <TextInput
          id="name"
          label="Name"
          value={name}
          onChange={setName}
          error={form.errorFor("name")}
        />
        <Select
          id="kind"
          label="Kind of provider"
          value={kind}
          onChange={setKind}
          options={Object.entries(PROVIDER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          error={form.errorFor("kind")}
        />
        <TextInput
          id="careInspectorateNumber"
          label="Care Inspectorate number (if registered)"
          hint="CS and 10 digits"
          value={careInspectorateNumber}
          onChange={setNumber}
          error={form.errorFor("careInspectorateNumber")}
        />
        <TextInput
          id="serviceType"
          label="What they do, in a few words"
          value={serviceType}
          onChange={setServiceType}
          error={form.errorFor("serviceType")}
        />
        <TextInput
          id="town"
          label="Town"
          value={town}
          onChange={setTown}
          error={form.errorFor("town")}
        />
        <TextInput
          id="postcode"
          label="Postcode"
          value={postcode}
          onChange={setPostcode}
          error={form.errorFor("postcode")}
        />
        <Button disabled={form.pending}>Register</Button>
      </form>
    </section>
  );
}
