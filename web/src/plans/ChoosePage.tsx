import { useState } from "react";
import { post } from "../api";
import { FormPage } from "../components/FormPage";
import { Checkbox, Radios, Select, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { PROVIDER_KIND_LABELS } from "../format";
import { useProviders } from "../people/queries";
import { navigate } from "../router";

const OPTIONS = [
  {
    value: "1",
    label:
      "Option 1: a direct payment — you get the money and arrange support yourself, or employ personal assistants",
  },
  {
    value: "2",
    label:
      "Option 2: you choose a provider, they hold your budget and arrange support the way you want",
  },
  { value: "3", label: "Option 3: the council arranges your support for you" },
];

/** The person (or their representative) chooses how support is arranged, and who provides it. */
export function ChoosePage({ personId }: { personId: string }) {
  const providers = useProviders();
  const [option, setOption] = useState("");
  const [providerId, setProviderId] = useState("");
  const [reason, setReason] = useState("");
  const [shareOutcomes, setShareOutcomes] = useState(false);
  const form = useSubmit(
    () =>
      post(`/api/people/${personId}/provider-requests`, {
        option,
        providerId: providerId || undefined,
        reason,
        shareOutcomes,
      }),
    () => navigate("/"),
  );
  return (
    <FormPage
      title="Choose how your support is arranged"
      intro={
        <p>
          You can choose how your budget is used. All the options are equally good. You can change
          your mind later. Your social worker can help you decide.
        </p>
      }
      form={form}
      submitLabel="Send my choice"
    >
      <Radios
        id="option"
        label="How would you like to arrange your support?"
        value={option}
        onChange={setOption}
        options={OPTIONS}
        error={form.errorFor("option")}
      />
      <Select
        id="providerId"
        label="Provider"
        hint="You need to choose a provider for Option 2."
        value={providerId}
        onChange={setProviderId}
        options={(providers.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.name} - ${PROVIDER_KIND_LABELS[p.kind] ?? p.kind}${p.town ? `, ${p.town}` : ""}`,
        }))}
        error={form.errorFor("providerId")}
      />
      <Textarea
        id="reason"
        label="Reason"
        hint="Why this suits you"
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
      <p>
        Before a provider agrees, it sees only the support asked for, the hours, your area and your
        budget. It sees more once it supports you.
      </p>
      <Checkbox
        id="shareOutcomes"
        label="Let the provider see what matters to me, in my own words, before it agrees"
        checked={shareOutcomes}
        onChange={setShareOutcomes}
      />
    </FormPage>
  );
}
