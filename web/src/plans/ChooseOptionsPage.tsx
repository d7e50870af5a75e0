import { useState } from "react";
import type { SessionUser } from "../../../src/modules/identity/replies";
import { fieldId, post } from "../api";
import { Button, Checkboxes, ErrorSummary, Radios, Textarea } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { fullName, usePerson } from "../people/queries";
import { navigate } from "../router";
import { OPTION_WORDS, useSupportPlan } from "./plan";

const TOOK_PART: Record<string, string> = {
  person: "The person",
  representative: "A carer or representative",
  family: "Family",
  advocate: "An advocate",
  "social-worker": "The social worker",
};

/** Said before the choice: the exceptional reason is the council's to record, not the chooser's. */
const FAMILY_MEMBER_HINT =
  "This support is from a close family member. A direct payment (Option 1) can pay them only " +
  "for an exceptional reason, which your social worker records in the plan. Ask them first if " +
  "you want Option 1.";

/** The person's own choice of how each support is arranged, in plain words. */
export function ChooseOptionsPage({ personId, user }: { personId: string; user: SessionUser }) {
  const person = usePerson(personId);
  const plan = useSupportPlan(personId);
  const [options, setOptions] = useState<Record<string, string>>({});
  const [told, setTold] = useState<string[]>([]);
  const [tookPart, setTookPart] = useState<string[]>([
    user.role === "representative"
      ? "representative"
      : user.role === "supported-person"
        ? "person"
        : "social-worker",
  ]);
  const [decidedBy, setDecidedBy] = useState(
    user.role === "representative" ? "representative" : "person",
  );
  const [reasons, setReasons] = useState("");
  const lines = plan.data?.lines ?? [];
  const form = useSubmit(
    () =>
      post(`/api/people/${personId}/plan/choice`, {
        options: lines.map((l) => ({ lineId: l.id, option: options[l.id] ?? l.option })),
        participants: tookPart.map((role) => ({
          role,
          name: role === "person" && person.data ? fullName(person.data) : TOOK_PART[role],
        })),
        informationGiven: told.map((option) => ({
          option,
          how: "Read or heard Cairn's plain-words explanation",
        })),
        decidedBy,
        reasons,
      }),
    () => navigate(`/people/${personId}/plan`),
  );
  if (person.isPending || plan.isPending) return <Loading />;
  const own = user.personId === personId;
  return (
    <>
      <PageHeader title={own ? "Choose how your support is arranged" : "The choice of options"} />
      <p>There are three ways to arrange each support. All three are good choices.</p>
      <ul>
        {(["1", "2", "3"] as const).map((o) => (
          <li key={o}>
            <strong>{OPTION_WORDS[o]?.title}.</strong> {OPTION_WORDS[o]?.words}
          </li>
        ))}
      </ul>
      <p>If you choose more than one way, that is Option 4: a mix.</p>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        {lines.map((l, i) => (
          <Radios
            key={l.id}
            id={fieldId(`options.${i}.option`)}
            label={`${l.description}: how should this be arranged?`}
            hint={l.familyMemberReason !== null ? FAMILY_MEMBER_HINT : undefined}
            error={form.errorFor(`options.${i}.option`)}
            value={options[l.id] ?? l.option}
            onChange={(value) => setOptions((current) => ({ ...current, [l.id]: value }))}
            options={(["1", "2", "3"] as const).map((o) => ({
              value: o,
              label: OPTION_WORDS[o]?.title ?? o,
            }))}
          />
        ))}
        <Checkboxes
          id="informationGiven"
          legend="Which options were explained to you?"
          options={(["1", "2", "3"] as const).map((o) => ({
            value: o,
            label: OPTION_WORDS[o]?.title ?? o,
          }))}
          selected={told}
          onChange={setTold}
        />
        <Checkboxes
          id="participants"
          legend="Who took part in this choice?"
          options={Object.entries(TOOK_PART).map(([value, label]) => ({ value, label }))}
          selected={tookPart}
          onChange={setTookPart}
          error={form.errorFor("participants")}
        />
        <Radios
          id="decidedBy"
          label="Whose decision is it?"
          value={decidedBy}
          onChange={setDecidedBy}
          options={[
            { value: "person", label: "The person's own" },
            { value: "representative", label: "A representative's, acting for them" },
            { value: "social-worker", label: "The social worker's" },
          ]}
          error={form.errorFor("decidedBy")}
        />
        <Textarea
          id="reasons"
          label="Why this choice? In your own words"
          value={reasons}
          onChange={setReasons}
          error={form.errorFor("reasons")}
        />
        <Button disabled={form.pending}>Save my choice</Button>
      </form>
    </>
  );
}
