import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PublishedRas } from "../../../src/modules/budgets/replies";
import { get, post } from "../api";
import { Button, Checkbox, ErrorSummary, Radios, Select } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { navigate } from "../router";

export const usePublishedRas = () =>
  useQuery({ queryKey: ["ras"], queryFn: () => get<PublishedRas>("/api/ras").catch(() => null) });

/** Answers the RAS questions for a person and records the indicative budget it gives. */
export function IndicativeBudgetForm({ personId }: { personId: string }) {
  const ras = usePublishedRas();
  const [careGroup, setCareGroup] = useState("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [adjustments, setAdjustments] = useState<string[]>([]);
  const form = useSubmit(
    () => post(`/api/people/${personId}/indicative-budget`, { careGroup, answers, adjustments }),
    () => navigate(`/people/${personId}`),
  );
  if (!ras.data) return <p>The council has not published a Resource Allocation System yet.</p>;
  const { definition, version } = ras.data;
  return (
    <section aria-labelledby="ras-title" className="cairn-card">
      <h2 id="ras-title">Work it out with the Resource Allocation System (version {version})</h2>
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <Select
          id="careGroup"
          label="Care group"
          value={careGroup}
          onChange={setCareGroup}
          options={definition.careGroups.map((g) => ({ value: g, label: g }))}
          error={form.errorFor("careGroup")}
        />
        {definition.questions.map((q) => (
          <Radios
            key={q.key}
            id={`answers-${q.key}`}
            label={q.label}
            value={answers[q.key] ?? ""}
            onChange={(value) => setAnswers({ ...answers, [q.key]: value })}
            options={q.answers.map((a) => ({
              value: a.value,
              label: `${a.label} (${a.points} points)`,
            }))}
            error={form.errorFor(`answers.${q.key}`)}
          />
        ))}
        <fieldset className="ds_question">
          <legend className="ds_label">Adjustments that apply</legend>
          {definition.adjustments.map((a) => (
            <Checkbox
              key={a.key}
              id={`adjustment-${a.key}`}
              label={`${a.label} (${a.basisPoints > 0 ? "+" : ""}${a.basisPoints / 100}%)`}
              checked={adjustments.includes(a.key)}
              onChange={(on) =>
                setAdjustments(
                  on ? [...adjustments, a.key] : adjustments.filter((k) => k !== a.key),
                )
              }
            />
          ))}
        </fieldset>
        <Button disabled={form.pending}>Work out the indicative budget</Button>
      </form>
    </section>
  );
}
