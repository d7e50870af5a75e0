import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { SupportLine } from "../../../src/modules/plans/replies";
import type { Comparison as Compare } from "../../../src/modules/providers/replies";
import { get, post } from "../api";
import {
  Button,
  Checkbox,
  Checkboxes,
  ErrorSummary,
  Select,
  TextInput,
} from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatPence, PROVIDER_KIND_LABELS } from "../format";
import { useLocalities } from "../people/queries";
import { useVocabulary } from "../providers/directory";

interface Found {
  serviceId: string;
  serviceName: string;
  providerId: string;
  providerName: string;
  hourlyRatePence: number;
  availableHoursPerWeek: number;
  acceptingNewPeople: boolean;
}

type Compared = Compare["providers"][number];

/** Find providers with the public search, compare a shortlist side by side, ask them. */
export function Shortlist({ personId, lines }: { personId: string; lines: SupportLine[] }) {
  const vocabulary = useVocabulary();
  const localities = useLocalities();
  const [supportType, setSupportType] = useState("");
  const [locality, setLocality] = useState("");
  const [kind, setKind] = useState("");
  const [minGrade, setMinGrade] = useState("");
  const [maxRate, setMaxRate] = useState("");
  const [availableNow, setAvailableNow] = useState(true);
  const [shortlist, setShortlist] = useState<string[]>([]);
  const [lineId, setLineId] = useState(lines[0]?.id ?? "");
  const [shareOutcomes, setShareOutcomes] = useState(false);
  const params = new URLSearchParams({
    supportType,
    locality,
    kind,
    minGrade,
    ...(/^\d+(\.\d{1,2})?$/.test(maxRate) ? { maxRate } : {}),
    ...(availableNow ? { available: "yes" } : {}),
  });
  const found = useQuery({
    queryKey: ["support-search", params.toString()],
    queryFn: () =>
      get<{ results: Found[] }>(`/api/public/support?${params}`).then((r) => r.results),
  });
  const compared = useQuery({
    queryKey: ["compare", shortlist.join(",")],
    enabled: shortlist.length > 0,
    queryFn: () =>
      get<Compare>(`/api/providers/compare?ids=${shortlist.join(",")}`).then((r) => r.providers),
  });
  const ask = useSubmit(
    () =>
      post(`/api/people/${personId}/plan/requests`, {
        lineId,
        providerIds: shortlist,
        shareOutcomes,
      }),
    () => setShortlist([]),
  );
  const providers = [...new Map((found.data ?? []).map((r) => [r.providerId, r])).values()];
  return (
    <section aria-labelledby="shortlist">
      <h2 id="shortlist">Find and compare providers</h2>
      <Select
        id="shortlist-type"
        label="Type of support"
        placeholder="Any type"
        value={supportType}
        onChange={setSupportType}
        options={(vocabulary.data?.supportTypes ?? []).map((t) => ({
          value: t.code,
          label: t.name,
        }))}
      />
      <Select
        id="shortlist-area"
        label="Area"
        placeholder="Anywhere"
        value={locality}
        onChange={setLocality}
        options={(localities.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
      />
      <Select
        id="shortlist-kind"
        label="Kind of provider"
        placeholder="Any kind"
        value={kind}
        onChange={setKind}
        options={Object.entries(PROVIDER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Select
        id="shortlist-grade"
        label="Lowest Care Inspectorate grade"
        placeholder="Any grade"
        value={minGrade}
        onChange={setMinGrade}
        options={["6", "5", "4", "3"].map((g) => ({ value: g, label: `${g} or better` }))}
      />
      <TextInput
        id="shortlist-rate"
        label="Most per hour (£)"
        inputMode="decimal"
        value={maxRate}
        onChange={setMaxRate}
      />
      <Checkbox
        id="shortlist-available"
        label="Only those who can start now"
        checked={availableNow}
        onChange={setAvailableNow}
      />
      <Checkboxes
        id="shortlist-providers"
        legend="Choose up to five to compare"
        options={providers.slice(0, 20).map((r) => ({
          value: r.providerId,
          label: `${r.providerName}: ${r.serviceName}, ${formatPence(r.hourlyRatePence)} an hour`,
        }))}
        selected={shortlist}
        onChange={(ids) => setShortlist(ids.slice(0, 5))}
      />
      {compared.data && compared.data.length > 0 && <Comparison providers={compared.data} />}
      {shortlist.length > 0 && lines.length > 0 && (
        <form onSubmit={ask.submit} noValidate>
          <ErrorSummary errors={ask.errors} detail={ask.detail} />
          <Select
            id="shortlist-line"
            label="Ask the shortlisted providers to take on"
            value={lineId}
            onChange={setLineId}
            options={lines.map((l) => ({ value: l.id, label: l.description }))}
          />
          <Checkbox
            id="shortlist-share"
            label="The person agrees the providers may see what matters to them, in their own words, before they agree"
            checked={shareOutcomes}
            onChange={setShareOutcomes}
          />
          <Button disabled={ask.pending}>
            Ask {shortlist.length === 1 ? "this provider" : "these providers"}
          </Button>
        </form>
      )}
    </section>
  );
}

function Comparison({ providers }: { providers: Compared[] }) {
  const rows: [string, (p: Compared) => string][] = [
    ["Kind", (p) => PROVIDER_KIND_LABELS[p.kind] ?? p.kind],
    ["On the council's framework", (p) => (p.onFramework ? "Yes" : "No: can still be chosen")],
    [
      "Lowest Care Inspectorate grade",
      (p) => (p.minGrade ? `${p.minGrade} out of 6` : "Not graded"),
    ],
    [
      "Financial health",
      (p) =>
        p.health
          ? `${p.health.status}${p.health.overdue ? " (check overdue)" : ""}: ${p.health.reasons.join("; ")}`
          : (p.rating ?? "Not published by the council"),
    ],
    [
      "Services and rates",
      (p) =>
        p.services.map((s) => `${s.name} ${formatPence(s.hourlyRatePence)} an hour`).join("; "),
    ],
    [
      "Hours free a week",
      (p) => String(p.services.reduce((sum, s) => sum + s.availableHoursPerWeek, 0)),
    ],
  ];
  return (
    <table className="ds_table">
      <caption>The shortlist side by side</caption>
      <thead>
        <tr>
          <th scope="col">Fact</th>
          {providers.map((p) => (
            <th scope="col" key={p.id}>
              {p.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {providers.map((p) => (
              <td key={p.id}>{value(p)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
