import { useQuery } from "@tanstack/react-query";
import type { SignOffView } from "../../../src/modules/assessment/replies";
import { get, post } from "../api";
import { Button, ErrorSummary } from "../components/fields";
import { useSubmit } from "../components/useSubmit";

export const useSignOff = (assessmentId: string | undefined) =>
  useQuery({
    queryKey: ["assessment-sign-off", assessmentId],
    queryFn: () => get<SignOffView>(`/api/assessments/${assessmentId}/sign-off`),
    enabled: Boolean(assessmentId),
  });

/** Who may sign off a submitted assessment (or how to unblock it), and taking it back to draft. */
export function SignOffStatus({
  assessmentId,
  canWithdraw,
}: {
  assessmentId: string;
  canWithdraw: boolean;
}) {
  const signOff = useSignOff(assessmentId);
  const withdraw = useSubmit(
    () => post(`/api/assessments/${assessmentId}/withdrawal`, {}),
    () => {},
  );
  if (!signOff.data) return null;
  return (
    <>
      <p>{signOff.data.setting}</p>
      {signOff.data.waiting && <p role="status">{signOff.data.waiting}</p>}
      {canWithdraw && signOff.data.canWithdraw && (
        <form onSubmit={withdraw.submit} noValidate>
          <ErrorSummary errors={[]} detail={withdraw.detail} />
          <Button secondary disabled={withdraw.pending}>
            Take it back to draft
          </Button>
        </form>
      )}
    </>
  );
}
