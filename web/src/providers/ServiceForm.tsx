import { useState } from "react";
import { api } from "../api";
import {
  Button,
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Textarea,
  TextInput,
} from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { type DirectoryService, useLocalities, useVocabulary } from "./directory";

const wholeOrText = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text);

/** Adds a service, or changes one: every save of a change is kept as a new version. */
export function ServiceForm({
  providerId,
  service,
  onSaved,
}: {
  providerId: string;
  service?: DirectoryService;
  onSaved?: () => void;
}) {
  const vocabulary = useVocabulary();
  const localities = useLocalities();
  const [name, setName] = useState(service?.name ?? "");
  const [description, setDescription] = useState(service?.description ?? "");
  const [supportTypes, setSupportTypes] = useState(service?.supportTypes ?? []);
  const [localityIds, setLocalityIds] = useState(service?.localityIds ?? []);
  const [capacity, setCapacity] = useState(String(service?.capacityHoursPerWeek ?? ""));
  const [available, setAvailable] = useState(String(service?.availableHoursPerWeek ?? ""));
  const [accepting, setAccepting] = useState(service?.acceptingNewPeople ?? true);
  const [rate, setRate] = useState(service ? (service.hourlyRatePence / 100).toFixed(2) : "");
  const [languages, setLanguages] = useState(service?.languages ?? ["en"]);
  const [information, setInformation] = useState(service?.accessibleInformation ?? "");
  const [saved, setSaved] = useState<string>();
  const form = useSubmit(
    () =>
      api<{ changed?: string[] }>(
        service ? "PUT" : "POST",
        service
          ? `/api/providers/${providerId}/services/${service.id}`
          : `/api/providers/${providerId}/services`,
        {
          name,
          description,
          supportTypes,
          localityIds,
          capacityHoursPerWeek: wholeOrText(capacity),
          availableHoursPerWeek: wholeOrText(available),
          acceptingNewPeople: accepting,
          hourlyRate: rate,
          languages,
          accessibleInformation: information,
        },
      ),
    (result) => {
      setSaved(
        !service
          ? "Service added."
          : result.changed?.length
            ? `Saved as a new version: ${result.changed.length} change(s).`
            : "Nothing had changed.",
      );
      onSaved?.();
    },
  );
  const id = (field: string) => `${service?.id ?? "new"}-${field}`;
  const errors = form.errors.map((e) => ({ ...e, path: id(e.path.split(".")[0] ?? e.path) }));
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary errors={errors} detail={form.detail} />
      {saved && (
        <p role="status" className="cairn-saved">
          {saved}
        </p>
      )}
      <TextInput
        id={id("name")}
        label="Name of the service"
        value={name}
        onChange={setName}
        error={form.errorFor("name")}
      />
      <Textarea
        id={id("description")}
        label="What the service does"
        value={description}
        onChange={setDescription}
        error={form.errorFor("description")}
      />
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
        id={id("capacityHoursPerWeek")}
        label="Capacity (hours a week)"
        inputMode="numeric"
        value={capacity}
        onChange={setCapacity}
        error={form.errorFor("capacityHoursPerWeek")}
      />
      <TextInput
        id={id("availableHoursPerWeek")}
        label="Hours free now (a week)"
        inputMode="numeric"
        value={available}
        onChange={setAvailable}
        error={form.errorFor("availableHoursPerWeek")}
      />
      <Checkbox
        id={id("acceptingNewPeople")}
        label="Taking on new people"
        checked={accepting}
        onChange={setAccepting}
      />
      <TextInput
        id={id("hourlyRate")}
        label="Hourly rate (£)"
        hint="For example 24.60"
        inputMode="decimal"
        value={rate}
        onChange={setRate}
        error={form.errorFor("hourlyRate")}
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
        id={id("accessibleInformation")}
        label="In plain words: what you offer and what it costs"
        hint="Short sentences a person can read in a minute."
        value={information}
        onChange={setInformation}
        error={form.errorFor("accessibleInformation")}
      />
      <Button disabled={form.pending}>{service ? "Save changes" : "Add the service"}</Button>
    </form>
  );
}
