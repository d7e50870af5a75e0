import { useState } from "react";
import type { Saved } from "../../../src/modules/assessment/replies";
import type { Assessment } from "../../../src/modules/person-record/replies";
import { api, post } from "../api";
import { Button, ErrorSummary, Select, Textarea, TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { NATIONAL_OUTCOME_LABELS } from "../format";
import { usePerson } from "../people/queries";
import { navigate } from "../router";
import { backup, blankOutcome, blankParticipant, blankRisk, type Draft, draftFrom } from "./draft";
import { SignOffStatus } from "./SignOffStatus";
import { TALKING_POINT_OPTIONS } from "./talkingPoints";

const NATIONAL = Object.entries(NATIONAL_OUTCOME_LABELS).map(([value, label]) => ({
  value,
  label,
}));
const ROLES = [
  { value: "person", label: "The person" },
  { value: "representative", label: "Representative" },
  { value: "advocate", label: "Independent advocate" },
  { value: "family", label: "Family member" },
  { value: "carer", label: "Unpaid carer" },
  { value: "other", label: "Someone else" },
];
const AUTHORITIES = [
  { value: "none", label: "No legal authority" },
  { value: "welfare-guardian", label: "Welfare guardian" },
  { value: "welfare-power-of-attorney", label: "Welfare power of attorney" },
  { value: "continuing-power-of-attorney", label: "Continuing power of attorney" },
];

export function AssessmentPage({ personId }: { personId: string }) {
  const person = usePerson(personId);
  if (!person.data) return <Loading />;
  const assessment = person.data.assessment;
  if (assessment?.status === "submitted") {
    return (
      <>
        <PageHeader title="Assessment" />
        <p>
          This assessment is submitted. To change it, take it back to draft (it is then submitted
          again).
        </p>
        <SignOffStatus assessmentId={assessment.id} canWithdraw />
      </>
    );
  }
  const editing =
    assessment && assessment.status !== "approved" && assessment.status !== "completed"
      ? assessment
      : null;
  return (
    <AssessmentForm
      personId={personId}
      existing={editing}
      initial={backup.load(personId) ?? draftFrom(editing)}
    />
  );
}

function AssessmentForm({
  personId,
  existing,
  initial,
}: {
  personId: string;
  existing: Assessment | null;
  initial: Draft;
}) {
  const [draft, setDraftState] = useState(initial);
  const [assessmentId, setAssessmentId] = useState(existing?.id);
  const [saved, setSaved] = useState<number>();
  const setDraft = (next: Draft) => {
    setDraftState(next);
    backup.save(personId, next);
  };
  const field =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...draft, [key]: value });
  const row =
    <K extends "outcomes" | "risks" | "participants">(key: K, i: number, name: string) =>
    (value: string) =>
      setDraft({
        ...draft,
        [key]: draft[key].map((r, j) => (j === i ? { ...r, [name]: value } : r)),
      });

  async function saveDraft() {
    const reply = assessmentId
      ? await api<Saved>("PUT", `/api/assessments/${assessmentId}`, draft)
      : await post<Saved>(`/api/people/${personId}/assessments`, draft);
    setAssessmentId(reply.assessmentId);
    backup.clear(personId);
    return reply;
  }
  const saving = useSubmit(saveDraft, (r) => setSaved(r.version));
  const submitting = useSubmit(
    async () => {
      const { assessmentId: id } = await saveDraft();
      return post(`/api/assessments/${id}/submission`, {});
    },
    () => navigate(`/people/${personId}`),
  );
  const errorFor = (path: string) => submitting.errorFor(path) ?? saving.errorFor(path);
  const errors = submitting.errors.length ? submitting.errors : saving.errors;

  return (
    <>
      <PageHeader title="Assessment" />
      <p>
        Write the person's outcomes in their own words, and the need each one mirrors. Drafts are
        kept as versions; nothing you type is lost.
      </p>
      {existing?.status === "returned" && (
        <div className="ds_inset-text">
          Returned by {existing.reviewedBy?.displayName}: {existing.reviewNote}
        </div>
      )}
      <ErrorSummary errors={errors} detail={submitting.detail ?? saving.detail} />
      {saved && (
        <p className="ds_inset-text" role="status">
          Draft saved as version {saved}.
        </p>
      )}
      <form onSubmit={saving.submit} noValidate>
        <Textarea
          id="summary"
          label="Summary of the conversation"
          value={draft.summary}
          onChange={field("summary")}
          error={errorFor("summary")}
        />
        <Textarea
          id="strengths"
          label="Strengths and support already there"
          value={draft.strengths}
          onChange={field("strengths")}
          error={errorFor("strengths")}
        />
        <Textarea
          id="informalSupport"
          label="Informal and community support"
          hint="Family, friends, neighbours, groups the person already goes to"
          value={draft.informalSupport}
          onChange={field("informalSupport")}
        />
        <h2>Personal outcomes</h2>
        <div id="outcomes">
          {draft.outcomes.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
            <fieldset key={i} className="cairn-card">
              <legend className="ds_label">Outcome {i + 1}</legend>
              <Textarea
                id={`outcomes-${i}-inOwnWords`}
                label="In the person's own words"
                value={o.inOwnWords}
                onChange={row("outcomes", i, "inOwnWords")}
                error={errorFor(`outcomes.${i}.inOwnWords`)}
              />
              <Textarea
                id={`outcomes-${i}-need`}
                label="What they need"
                value={o.need}
                onChange={row("outcomes", i, "need")}
                error={errorFor(`outcomes.${i}.need`)}
              />
              <Select
                id={`outcomes-${i}-talkingPoint`}
                label="Talking Points outcome"
                value={o.talkingPoint}
                onChange={row("outcomes", i, "talkingPoint")}
                options={TALKING_POINT_OPTIONS}
                error={errorFor(`outcomes.${i}.talkingPoint`)}
              />
              <Select
                id={`outcomes-${i}-nationalOutcome`}
                label="National outcome"
                value={o.nationalOutcome}
                onChange={row("outcomes", i, "nationalOutcome")}
                options={NATIONAL}
                error={errorFor(`outcomes.${i}.nationalOutcome`)}
              />
            </fieldset>
          ))}
        </div>
        <button
          type="button"
          className="ds_button ds_button--secondary"
          onClick={() => field("outcomes")([...draft.outcomes, blankOutcome])}
        >
          Add another outcome
        </button>
        <h2>Risks, and how the person wants to manage them</h2>
        {draft.risks.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
          <fieldset key={i} className="cairn-card">
            <legend className="ds_label">Risk {i + 1}</legend>
            <Textarea
              id={`risks-${i}-whatCouldGoWrong`}
              label="What could go wrong"
              value={r.whatCouldGoWrong}
              onChange={row("risks", i, "whatCouldGoWrong")}
              error={errorFor(`risks.${i}.whatCouldGoWrong`)}
            />
            <Textarea
              id={`risks-${i}-whatThePersonAccepts`}
              label="What the person accepts"
              value={r.whatThePersonAccepts}
              onChange={row("risks", i, "whatThePersonAccepts")}
            />
            <Textarea
              id={`risks-${i}-whatReducesIt`}
              label="What reduces the risk"
              value={r.whatReducesIt}
              onChange={row("risks", i, "whatReducesIt")}
            />
          </fieldset>
        ))}
        <button
          type="button"
          className="ds_button ds_button--secondary"
          onClick={() => field("risks")([...draft.risks, blankRisk])}
        >
          Add a risk
        </button>
        <h2>Who took part</h2>
        {draft.participants.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
          <fieldset key={i} className="cairn-card">
            <legend className="ds_label">Person {i + 1} who took part</legend>
            <TextInput
              id={`participants-${i}-name`}
              label="Their name"
              value={p.name}
              onChange={row("participants", i, "name")}
              error={errorFor(`participants.${i}.name`)}
            />
            <Select
              id={`participants-${i}-role`}
              label="How they took part"
              value={p.role}
              onChange={row("participants", i, "role")}
              options={ROLES}
            />
            <Select
              id={`participants-${i}-authority`}
              label="Legal authority"
              value={p.authority}
              onChange={row("participants", i, "authority")}
              options={AUTHORITIES}
            />
          </fieldset>
        ))}
        <button
          type="button"
          className="ds_button ds_button--secondary"
          onClick={() => field("participants")([...draft.participants, blankParticipant])}
        >
          Add someone who took part
        </button>
        <div className="ds_button-group">
          <Button secondary disabled={saving.pending}>
            Save draft
          </Button>
          <button
            type="button"
            className="ds_button"
            disabled={submitting.pending}
            onClick={submitting.submit}
          >
            Submit for sign-off
          </button>
        </div>
      </form>
    </>
  );
}
