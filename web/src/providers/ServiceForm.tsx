import { useState } from "react";
import type { Service, ServiceChanged } from "../../../src/modules/providers/replies";
import { api } from "../api";
import {
  Button,
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Textarea,
  TextInput,
} from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { wholeNumberOrText } from "../format";
import { useLocalities } from "../people/queries";
import { useVocabulary } from "./directory";

/** Adds a service, or changes one: every save of a change is kept as a new version. */
export function ServiceForm({
  providerId,
  service,
  onSaved,
}: {
  providerId: string;
  service?: Service;
  onSaved?: () => void;
}) {
  const vocabulary = useVocabulary();
  const localities = useLocalities();
  const fields = useFields(
    {
      name: service?.name ?? "",
      description: service?.description ?? "",
      capacityHoursPerWeek: String(service?.capacityHoursPerWeek ?? ""),
      availableHoursPerWeek: String(service?.availableHoursPerWeek ?? ""),
      hourlyRate: service ? (service.hourlyRatePence / 100).toFixed(2) : "",
      accessibleInformation: service?.accessibleInformation ?? "",
    },
    "",
    `${service?.id ?? "new"}-`,
  );
  const [supportTypes, setSupportTypes] = useState(service?.supportTypes ?? []);
  const [localityIds, setLocalityIds] = useState(service?.localityIds ?? []);
  const [accepting, setAccepting] = useState(service?.acceptingNewPeople ?? true);
  const [languages, setLanguages] = useState(service?.languages ?? ["en"]);
  const [saved, setSaved] = useState<string>();
  const form = useSubmit(
    () =>
      api<Service | ServiceChanged>(
        service ? "PUT" : "POST",
        service
          ? `/api/providers/${providerId}/services/${service.id}`
          : `/api/providers/${providerId}/services`,
        {
          ...fields.values,
          supportTypes,
          localityIds,
          capacityHoursPerWeek: wholeNumberOrText(fields.values.capacityHoursPerWeek),
          availableHoursPerWeek: wholeNumberOrText(fields.values.availableHoursPerWeek),
          acceptingNewPeople: accepting,
          languages,
        },
      ),
    (result) => {
      setSaved(
        !service
          ? "Service added."
          : "changed" in result && result.changed.length
            ? `Saved as a new version: ${result.changed.length} change(s).`
            : "Nothing had changed.",
      );
      onSaved?.();
    },
  );
  const id = (name: string) => `${service?.id ?? "new"}-${name}`;
  const field = fields.bind(form.errorFor);
  const errors = form.errors.map((e) => ({ ...e, path: id(e.path.split(".")[0] ?? e.path) }));
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary errors={errors} detail={form.detail} />
      {saved && (
        <p role="status" className="cairn-saved">
          {saved}
        </p>
      )}
      <TextInput label="Name of the service" {...field("name")} />
      <Textarea label="What the service does" {...field("description")} />
      <Checkboxes
        id={id("supportTypes")}
        legend="Types of support"
        options={(vocabulary.data?.supportTypes ?? []).map((t) => ({
          value: t.code,
          label: t.name,
        }))}
        selected={supportTypes}
        onChange={setSupportTypes}
        error={form.errors.find((e) => e.path.startsWith("supportTypes"))?.message}
      />
      <Checkboxes
        id={id("localityIds")}
        legend="Areas the service reaches"
        options={(localities.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
        selected={localityIds}
        onChange={setLocalityIds}
        error={form.errors.find((e) => e.path.startsWith("localityIds"))?.message}
      />
      <TextInput
        label="Capacity (hours a week)"
        inputMode="numeric"
        {...field("capacityHoursPerWeek")}
      />
      <TextInput
        label="Hours free now (a week)"
        inputMode="numeric"
        {...field("availableHoursPerWeek")}
      />
      <Checkbox
        id={id("acceptingNewPeople")}
        label="Taking on new people"
        checked={accepting}
        onChange={setAccepting}
      />
      <TextInput
        label="Hourly rate (£)"
        hint="For example 24.60"
        inputMode="decimal"
        {...field("hourlyRate")}
      />
      <Checkboxes
        id={id("languages")}
        legend="Languages"
        options={(vocabulary.data?.languages ?? []).map((l) => ({ value: l.code, label: l.name }))}
        selected={languages}
        onChange={setLanguages}
        error={form.errors.find((e) => e.path.startsWith("languages"))?.message}
      />
      <Textarea
        label="In plain words: what you offer and what it costs"
        hint="Short sentences a person can read in a minute."
        {...field("accessibleInformation")}
      />
      <Button disabled={form.pending}>{service ? "Save changes" : "Add the service"}</Button>
    </form>
  );
}
