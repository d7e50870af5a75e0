import type { PossibleMatch } from "../../../src/modules/referrals/replies";
import { Checkbox } from "../components/fields";
import type { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";

export type Match = PossibleMatch;

/**
 * Records that may be this person, shown before a new one is made: in full only those on the
 * worker's own caseload; of anyone else, only how many, with a way to ask a manager to check.
 */
export function PossibleDuplicates({
  matches,
  otherMatches = 0,
  confirmed,
  onConfirm,
  ask,
}: {
  matches?: Match[];
  otherMatches?: number;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** Sends the referral to a team manager to check (where the page offers it). */
  ask?: ReturnType<typeof useSubmit<unknown>> & { asked: boolean };
}) {
  if (!matches?.length && !otherMatches) return null;
  return (
    <section className="ds_inset-text" aria-labelledby="matches-title">
      <h2 id="matches-title">This person may already be recorded</h2>
      {matches && matches.length > 0 && (
        <ul>
          {matches.map((m) => (
            <li key={m.id}>
              <strong>
                {m.givenName} {m.familyName}
              </strong>
              , born {formatDate(m.dateOfBirth)}, {m.locality}: {m.reasons.join("; ")}
            </li>
          ))}
        </ul>
      )}
      {otherMatches > 0 && (
        <>
          <p>
            {otherMatches === 1
              ? "Someone who is not on your caseload may be this person."
              : `${otherMatches} people who are not on your caseload may be this person.`}{" "}
            You cannot see their details. A team manager can check for you.
          </p>
          {ask &&
            (ask.asked ? (
              <p role="status">
                Sent to your team manager. They will add the referral to the right record.
              </p>
            ) : (
              <button
                type="button"
                className="ds_button ds_button--secondary"
                disabled={ask.pending}
                onClick={ask.submit}
              >
                Ask a team manager to check
              </button>
            ))}
          {ask?.detail && <p className="ds_question__error-message">{ask.detail}</p>}
        </>
      )}
      <Checkbox
        id="confirmedNew"
        label={
          matches?.length
            ? "None of these is the person: record someone new"
            : "I know this is someone new: record them"
        }
        checked={confirmed}
        onChange={onConfirm}
      />
    </section>
  );
}
