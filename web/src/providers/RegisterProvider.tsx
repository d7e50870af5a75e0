import type { Provider } from "../../../src/modules/providers/replies";
import { post } from "../api";
import { Button, ErrorSummary, Select, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { PROVIDER_KIND_LABELS } from "../format";
import { navigate } from "../router";

/** Commissioners register a provider of any kind, then add its services on its page. */
export function RegisterProvider() {
  const fields = useFields({
    name: "",
    kind: "",
    careInspectorateNumber: "",
    serviceType: "",
    town: "",
    postcode: "",
  });
  const form = useSubmit(
    () => post<Provider>("/api/providers", fields.values),
    (provider) => navigate(`/providers/${provider.id}`),
  );
  const field = fields.bind(form.errorFor);
  return (
    <section aria-labelledby="register">
      <h2 id="register">Register a provider</h2>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        <TextInput label="Name" {...field("name")} />
        <Select
          label="Kind of provider"
          options={Object.entries(PROVIDER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          {...field("kind")}
        />
        <TextInput
          label="Care Inspectorate number (if registered)"
          hint="CS and 10 digits"
          {...field("careInspectorateNumber")}
        />
        <TextInput label="What they do, in a few words" {...field("serviceType")} />
        <TextInput label="Town" {...field("town")} />
        <TextInput label="Postcode" {...field("postcode")} />
        <Button disabled={form.pending}>Register</Button>
      </form>
    </section>
  );
}
