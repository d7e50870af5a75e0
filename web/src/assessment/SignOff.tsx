import { useState } from "react";
import { post } from "../api";
import { Button, ErrorSummary, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";

/** A team manager signs off a submitted assessment, or returns it with what to change. */
export function SignOff({ assessmentId }: { assessmentId: string }) {
  const [note, setNote] = useState("");
  const review = (decision: "approve" | "return") => () =>
    post(`/api/assessments/${assessmentId}/review`, { decision, note });
  const approve = useSubmit(review("approve"), () => {});
  const giveBack = useSubmit(review("return"), () => {});
  const id = (name: string) => `${assessmentId}-${name}`;
  return (
    <div className="cairn-inline-forms">
      <form onSubmit={approve.submit} noValidate>
        <ErrorSummary errors={[]} detail={approve.detail} />
        <Button disabled={approve.pending}>Sign off the assessment</Button>
      </form>
      <form onSubmit={giveBack.submit} noValidate>
        <ErrorSummary
          errors={giveBack.errors.map((e) => ({ ...e, path: id(e.path) }))}
          detail={giveBack.detail}
        />
        <Textarea
          id={id("note")}
          label="What needs to change"
          value={note}
          onChange={setNote}
          error={giveBack.errorFor("note")}
        />
        <Button secondary disabled={giveBack.pending}>
          Return for changes
        </Button>
      </form>
    </div>
  );
}
