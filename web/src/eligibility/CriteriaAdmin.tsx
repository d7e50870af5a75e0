import { useState } from "react";
import { post } from "../api";
import { Button, Checkbox, ErrorSummary, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";
import { type Criteria, RISK_LEVELS, type RiskLevel, useCriteria } from "./criteria";

/** The administrator publishes the council's eligibility criteria (each change is kept). */
export function CriteriaAdmin() {
  const current = useCriteria();
  if (!current.data) return null;
  return <CriteriaForm current={current.data} />;
}

function CriteriaForm({ current }: { current: Criteria }) {
  const [levels, setLevels] = useState(current.fundedLevels);
  const [publishedText, setPublishedText] = useState(current.publishedText);
  const [done, setDone] = useState(false);
  const form = useSubmit(
    () => post("/api/eligibility-criteria", { fundedLevels: levels, publishedText }),
    () => setDone(true),
  );
  const toggle = (level: RiskLevel) => (on: boolean) =>
    setLevels(on ? [...levels, level] : levels.filter((l) => l !== level));
  return (
    <section aria-labelledby="criteria-title">
      <h2 id="criteria-title">Eligibility criteria</h2>
      <p>
        In force since {current.setAt ? formatDate(current.setAt) : "installation (the default)"}.
      </p>
      {done && <p role="status">New criteria published.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <fieldset className="ds_question" id="fundedLevels">
          <legend className="ds_label">Risk levels the council funds</legend>
          {RISK_LEVELS.map((l) => (
            <Checkbox
              key={l.value}
              id={`funded-${l.value}`}
              label={l.label}
              checked={levels.includes(l.value)}
              onChange={toggle(l.value)}
            />
          ))}
        </fieldset>
        <Textarea
          id="publishedText"
          label="The criteria as the public will read them"
          value={publishedText}
          onChange={setPublishedText}
          error={form.errorFor("publishedText")}
        />
        <Button disabled={form.pending}>Publish criteria</Button>
      </form>
    </section>
  );
}
