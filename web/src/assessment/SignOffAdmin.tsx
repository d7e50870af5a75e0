import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Manager, SignOffList } from "../../../src/modules/assessment/replies";
import type { SignOffSetting } from "../../../src/modules/eligibility/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Radios, Select, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { RISK_LEVELS } from "../eligibility/criteria";
import { formatDate } from "../format";

/** The administrator sets when a team manager signs off an assessment (each change kept). */
export function SignOffSettingAdmin() {
  const current = useQuery({
    queryKey: ["assessment-sign-off-setting"],
    queryFn: () => get<SignOffSetting>("/api/assessment-sign-off-setting"),
  });
  if (!current.data) return null;
  return <SettingForm current={current.data} />;
}

function SettingForm({ current }: { current: SignOffSetting }) {
  const [rule, setRule] = useState<string>(current.rule);
  const [fromLevel, setFromLevel] = useState(current.fromLevel ?? "");
  const [done, setDone] = useState(false);
  const form = useSubmit(
    () =>
      post("/api/assessment-sign-off-setting", {
        rule,
        fromLevel: rule === "from-level" ? fromLevel || null : null,
      }),
    () => setDone(true),
  );
  return (
    <section aria-labelledby="sign-off-setting-title">
      <h2 id="sign-off-setting-title">Assessment sign-off</h2>
      <p>
        {current.words} In force since{" "}
        {current.setAt ? `${formatDate(current.setAt)} (${current.setBy})` : "installation"}.
      </p>
      {done && <p role="status">Sign-off setting saved.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <Radios
          id="rule"
          label="When does a team manager sign off an assessment before eligibility is decided?"
          value={rule}
          onChange={setRule}
          options={[
            { value: "always", label: "Always" },
            { value: "from-level", label: "When the risk is at a level or higher" },
            { value: "never", label: "Never: the social worker decides once it is submitted" },
          ]}
          error={form.errorFor("rule")}
        />
        {rule === "from-level" && (
          <Select
            id="fromLevel"
            label="The lowest risk level that needs sign-off"
            value={fromLevel}
            onChange={setFromLevel}
            options={RISK_LEVELS.map((l) => ({ value: l.value, label: l.label }))}
            error={form.errorFor("fromLevel")}
          />
        )}
        <Button disabled={form.pending}>Save the sign-off setting</Button>
      </form>
    </section>
  );
}

/** Submitted assessments and who may sign each off; the administrator names a manager. */
export function SignOffReallocations() {
  const list = useQuery({
    queryKey: ["assessment-sign-offs"],
    queryFn: () => get<SignOffList>("/api/assessment-sign-offs"),
  });
  if (!list.data) return null;
  const { assessments, managers } = list.data;
  return (
    <section aria-labelledby="reallocations-title">
      <h2 id="reallocations-title">Assessments waiting for sign-off</h2>
      {assessments.length === 0 && <p>None waiting.</p>}
      {assessments.map((a) => (
        <div key={a.id}>
          <p>
            Written by {a.author.displayName}
            {a.submittedAt ? `, submitted ${formatDate(a.submittedAt)}` : ""}. {a.waiting}
          </p>
          <Reallocate
            assessmentId={a.id}
            managers={managers.filter(
              (m) => m.id !== a.author.id && !a.mayAct.some((n) => n.id === m.id),
            )}
          />
        </div>
      ))}
    </section>
  );
}

function Reallocate({ assessmentId, managers }: { assessmentId: string; managers: Manager[] }) {
  const [managerId, setManagerId] = useState("");
  const [reason, setReason] = useState("");
  const form = useSubmit(
    () => post(`/api/assessments/${assessmentId}/sign-off-reallocation`, { managerId, reason }),
    () => setReason(""),
  );
  const id = (name: string) => `${assessmentId}-${name}`;
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary
        errors={form.errors.map((e) => ({ ...e, path: id(e.path) }))}
        detail={form.detail}
      />
      <Select
        id={id("managerId")}
        label="Name a team manager to sign it off"
        value={managerId}
        onChange={setManagerId}
        options={managers.map((m) => ({
          value: m.id,
          label: `${m.displayName}${m.team ? ` (${m.team})` : ""}`,
        }))}
        error={form.errorFor("managerId")}
      />
      <Textarea
        id={id("reason")}
        label="Why this manager"
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
      <Button secondary disabled={form.pending}>
        Name this manager
      </Button>
    </form>
  );
}
