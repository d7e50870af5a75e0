import type { Assessment } from "../../../src/modules/person-record/replies";
import { Tag } from "../components/layout";
import { formatDate, NATIONAL_OUTCOME_LABELS } from "../format";

const STATUS: Record<Assessment["status"], string> = {
  draft: "Draft",
  submitted: "Waiting for sign-off",
  approved: "Signed off",
  returned: "Returned for changes",
  completed: "Completed (no sign-off needed)",
};

/** What the assessment says, and where it is in drafting and sign-off. */
export function AssessmentSummary({ assessment }: { assessment: Assessment }) {
  return (
    <>
      <p>
        <Tag>{STATUS[assessment.status]}</Tag> Version {assessment.version}, by{" "}
        {assessment.recordedBy.displayName}
        {assessment.reviewedBy &&
          `; ${assessment.status === "approved" ? "signed off" : "returned"} by ${assessment.reviewedBy.displayName} on ${formatDate(assessment.reviewedAt)}`}
        {assessment.status === "returned" && assessment.reviewNote
          ? `: ${assessment.reviewNote}`
          : ""}
      </p>
      {assessment.summary && <p>{assessment.summary}</p>}
      {assessment.strengths && <p>Strengths: {assessment.strengths}</p>}
      {assessment.informalSupport && (
        <p>Informal and community support: {assessment.informalSupport}</p>
      )}
      <h3>Personal outcomes</h3>
      <ul>
        {assessment.outcomes.map((o) => (
          <li key={o.id}>
            <q>{o.inOwnWords}</q>: {o.need}
            {o.talkingPoint ? ` (${o.talkingPoint}` : " ("}
            {o.nationalOutcome
              ? `${o.talkingPoint ? "; " : ""}${NATIONAL_OUTCOME_LABELS[o.nationalOutcome]})`
              : ")"}
          </li>
        ))}
      </ul>
      {assessment.risks.length > 0 && (
        <>
          <h3>Risks</h3>
          <ul>
            {assessment.risks.map((r) => (
              <li key={r.whatCouldGoWrong}>
                {r.whatCouldGoWrong}. Accepted: {r.whatThePersonAccepts || "not recorded"}. Reduced
                by: {r.whatReducesIt || "not recorded"}.
              </li>
            ))}
          </ul>
        </>
      )}
      {assessment.participants.length > 0 && (
        <p>
          Took part:{" "}
          {assessment.participants
            .map(
              (p) =>
                `${p.name} (${p.role}${p.authority !== "none" ? `, ${p.authority.replaceAll("-", " ")}` : ""})`,
            )
            .join(", ")}
        </p>
      )}
    </>
  );
}
