import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  RasDefinition,
  RasImpact,
  RasVersions as RasVersionList,
} from "../../../src/modules/budgets/replies";
import { parsePounds } from "../../../src/platform/money/pounds";
import { get, post } from "../api";
import { Button, ErrorSummary, TextInput } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence } from "../format";
import { usePublishedRas } from "./IndicativeBudgetForm";

type Version = RasVersionList["versions"][number];
type Change = RasImpact["overall"];

const useVersions = () =>
  useQuery({
    queryKey: ["ras-versions"],
    queryFn: () => get<RasVersionList>("/api/ras-versions").then((r) => r.versions),
  });

/** RAS versions: drafts with their impact, and publishing (administrators only). */
export function RasVersions({ canPublish }: { canPublish: boolean }) {
  const versions = useVersions();
  const [impactOf, setImpactOf] = useState<Version>();
  return (
    <section aria-labelledby="ras-versions-title">
      <h2 id="ras-versions-title">Resource Allocation System versions</h2>
      <table className="ds_table">
        <caption className="visually-hidden">RAS versions</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Name</th>
            <th scope="col">From</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {(versions.data ?? []).map((v) => (
            <tr key={v.id}>
              <td>{v.version}</td>
              <td>{v.name}</td>
              <td>{formatDate(v.effectiveFrom)}</td>
              <td>{v.status === "published" ? "Published" : "Draft"}</td>
              <td>
                <button
                  type="button"
                  className="ds_button ds_button--secondary ds_button--small"
                  onClick={() => setImpactOf(v)}
                >
                  Impact of version {v.version}
                </button>
                {canPublish && v.status === "draft" && <Publish version={v} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {impactOf && <ImpactSummary version={impactOf} />}
      {canPublish && <DraftNextVersion />}
    </section>
  );
}

function Publish({ version }: { version: Version }) {
  const form = useSubmit(
    () => post(`/api/ras-versions/${version.id}/publication`, {}),
    () => {},
  );
  return (
    <form onSubmit={form.submit} className="cairn-inline">
      <button type="submit" className="ds_button ds_button--small" disabled={form.pending}>
        Publish version {version.version}
      </button>
      {form.detail && <span role="alert"> {form.detail}</span>}
    </form>
  );
}

function ImpactSummary({ version }: { version: Version }) {
  const impact = useQuery({
    queryKey: ["ras-impact", version.id],
    queryFn: () => get<RasImpact>(`/api/ras-versions/${version.id}/impact`),
  });
  if (!impact.data) return <p aria-live="polite">Working out the impact…</p>;
  const rows: [string, Change][] = [
    ["Everyone", impact.data.overall],
    ...Object.entries(impact.data.byLocality),
    ...Object.entries(impact.data.byCareGroup),
  ];
  return (
    <section aria-labelledby="impact-title">
      <h3 id="impact-title">If version {version.version} applied to every current budget</h3>
      <table className="ds_table">
        <caption className="visually-hidden">Impact by locality and care group</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">People</th>
            <th scope="col">Up</th>
            <th scope="col">Down</th>
            <th scope="col">Same</th>
            <th scope="col">Change a year</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, c]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{c.people}</td>
              <td>{c.up}</td>
              <td>{c.down}</td>
              <td>{c.same}</td>
              <td>{formatPence(c.changePence)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/api/ras-versions/${version.id}/impact.csv`}>Download the impact as CSV</a>
      </p>
    </section>
  );
}

/** A new draft from the published method: a new name, date and rates per point. */
function DraftNextVersion() {
  const published = usePublishedRas();
  if (!published.data) return null;
  return <DraftForm base={published.data.definition} />;
}

function DraftForm({ base }: { base: RasDefinition }) {
  const [name, setName] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [rates, setRates] = useState(
    base.bands.map((b) =>
      Object.fromEntries(
        Object.entries(b.pencePerPoint).map(([g, p]) => [g, (p / 100).toFixed(2)]),
      ),
    ),
  );
  const form = useSubmit(
    () => {
      const bands = base.bands.map((b, i) => ({
        ...b,
        pencePerPoint: Object.fromEntries(
          Object.entries(rates[i] ?? {}).map(([g, text]) => {
            const parsed = parsePounds(text);
            return [g, "pence" in parsed ? parsed.pence : Number.NaN];
          }),
        ),
      }));
      return post("/api/ras-versions", { name, effectiveFrom, definition: { ...base, bands } });
    },
    () => {},
  );
  return (
    <section aria-labelledby="draft-title">
      <h3 id="draft-title">Draft the next version</h3>
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <TextInput
          id="name"
          label="Name of the version"
          value={name}
          onChange={setName}
          error={form.errorFor("name")}
        />
        <TextInput
          id="effectiveFrom"
          label="In force from"
          type="date"
          value={effectiveFrom}
          onChange={setEffectiveFrom}
          error={form.errorFor("effectiveFrom")}
        />
        {base.bands.map((b, i) => (
          <fieldset key={b.fromPoints} className="cairn-card">
            <legend className="ds_label">
              Money a point,{" "}
              {b.toPoints === null
                ? `${b.fromPoints} points or more`
                : `${b.fromPoints} to ${b.toPoints} points`}
            </legend>
            {base.careGroups.map((g) => (
              <TextInput
                key={g}
                id={`definition-bands-${i}-pencePerPoint-${g.replaceAll(" ", "-")}`}
                label={`${g} (£)`}
                inputMode="decimal"
                value={rates[i]?.[g] ?? ""}
                onChange={(v) => setRates(rates.map((r, j) => (j === i ? { ...r, [g]: v } : r)))}
                error={form.errorFor(`definition.bands.${i}.pencePerPoint.${g}`)}
              />
            ))}
          </fieldset>
        ))}
        <Button disabled={form.pending}>Save the draft</Button>
      </form>
    </section>
  );
}
