import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type {
  PersonSearch,
  RetentionReview,
  RetentionSettings,
} from "../../../src/modules/data-protection/replies";
import { api, get, post } from "../api";
import { Button, ErrorSummary, Textarea, TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { formatDate } from "../format";
import { fullName } from "../people/queries";

/** What the data protection officer asks of an administrator: subject access, retention, erasure. */
export function DataProtectionPage() {
  return (
    <>
      <PageHeader title="Data protection" />
      <SubjectAccess />
      <RetentionPeriods />
      <RetentionReviewSection />
    </>
  );
}

function SubjectAccess() {
  const [search, setSearch] = useState("");
  const [asked, setAsked] = useState("");
  const found = useQuery({
    queryKey: ["data-protection-people", asked],
    queryFn: () =>
      get<PersonSearch>(`/api/data-protection/people?search=${encodeURIComponent(asked)}`),
    enabled: asked.length > 0,
  });
  return (
    <section aria-labelledby="subject-access-title">
      <h2 id="subject-access-title">Subject access</h2>
      <p>
        Find the person, then download everything Cairn holds about them: every version of every
        record, their letters, and who read or changed their record. The download is a zip with a
        page to read (index.html) and the same information for computers (record.json).
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(search.trim());
        }}
        noValidate
      >
        <TextInput id="search" label="Name or CHI number" value={search} onChange={setSearch} />
        <Button secondary>Find</Button>
      </form>
      {found.isFetching && <Loading />}
      {found.data && (
        <table className="ds_table">
          <caption>
            {found.data.people.length === 0 ? "No one found" : `${found.data.people.length} found`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Locality</th>
              <th scope="col">Subject access</th>
            </tr>
          </thead>
          <tbody>
            {found.data.people.map((p) => (
              <tr key={p.id}>
                <td>{fullName(p)}</td>
                <td>{formatDate(p.dateOfBirth)}</td>
                <td>{p.locality}</td>
                <td>
                  <a href={`/api/people/${p.id}/subject-access.zip`} download>
                    Download everything about {fullName(p)} (zip)
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const PERIODS = [
  ["closedCaseYears", "Years to keep a closed case", "Then it is listed here for review."],
  ["signInAttemptDays", "Days to keep sign-in attempts", undefined],
  ["expiredSessionDays", "Days to keep a session after it expired", undefined],
  ["selfReferralDays", "Days to keep a self-referral no one accepted", undefined],
] as const;

function RetentionPeriods() {
  const current = useQuery({
    queryKey: ["retention-settings"],
    queryFn: () => get<RetentionSettings>("/api/retention-settings"),
  });
  if (!current.data) return null;
  return <RetentionForm current={current.data} />;
}

/** A whole number as a number; anything else as typed, for the API to name. */
const asNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text);

function RetentionForm({ current }: { current: RetentionSettings }) {
  const [saved, setSaved] = useState(false);
  const { values, bind } = useFields({
    closedCaseYears: String(current.closedCaseYears),
    signInAttemptDays: String(current.signInAttemptDays),
    expiredSessionDays: String(current.expiredSessionDays),
    selfReferralDays: String(current.selfReferralDays),
  });
  const form = useSubmit(
    () =>
      api(
        "PUT",
        "/api/retention-settings",
        Object.fromEntries(Object.entries(values).map(([k, v]) => [k, asNumber(v)])),
      ),
    () => setSaved(true),
  );
  const field = bind(form.errorFor);
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">How long Cairn keeps records</h2>
      <p>
        {current.updatedAt
          ? `Last changed ${formatDate(current.updatedAt)} by ${current.updatedBy}.`
          : "The periods Cairn starts with."}{" "}
        Sign-in attempts, old sessions and self-referrals no one accepted are deleted every hour
        once past their period.
      </p>
      {saved && <p role="status">Retention periods saved.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        {PERIODS.map(([key, label, hint]) => (
          <TextInput key={key} label={label} hint={hint} inputMode="numeric" {...field(key)} />
        ))}
        <Button disabled={form.pending}>Save the retention periods</Button>
      </form>
    </section>
  );
}

function RetentionReviewSection() {
  const review = useQuery({
    queryKey: ["retention-review"],
    queryFn: () => get<RetentionReview>("/api/retention-review"),
  });
  if (!review.data) return <Loading />;
  const { due, erasures, closedCaseYears, basis } = review.data;
  const waiting = erasures.filter((e) => !e.approvedAt);
  const proposed = new Set(erasures.map((e) => e.personId));
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title">Closed cases past retention</h2>
      <p>
        Cases with nothing done on them for {closedCaseYears} years. {basis} Erasing a person needs
        two people: one proposes, a different person approves. Their name, date of birth (the year
        is kept), CHI number, contact details and everything written about them are replaced; the
        amounts of money and the record of who did what stay.
      </p>
      {due.length === 0 && <p>No case is past its retention period.</p>}
      {due.map((p) => (
        <div key={p.id}>
          <h3>{fullName(p)}</h3>
          <p>Last activity {formatDate(p.lastActivity)}.</p>
          {proposed.has(p.id) ? (
            <p>Erasure proposed: waiting for a second person to approve it.</p>
          ) : (
            <Propose personId={p.id} />
          )}
        </div>
      ))}
      <h2 id="waiting-title">Erasures waiting for approval</h2>
      {waiting.length === 0 && <p>None waiting.</p>}
      {waiting.map((e) => (
        <Approve key={e.id} erasure={e} />
      ))}
      <h2>Erasures done</h2>
      <ul>
        {erasures
          .filter((e) => e.completedAt)
          .map((e) => (
            <li key={e.id}>
              Proposed by {e.proposedBy.displayName} on {formatDate(e.proposedAt)}, approved by{" "}
              {e.approvedBy} and done on {formatDate(e.completedAt ?? "")}: {e.reason}
            </li>
          ))}
      </ul>
    </section>
  );
}

function Propose({ personId }: { personId: string }) {
  const [reason, setReason] = useState("");
  const form = useSubmit(
    () => post(`/api/people/${personId}/erasures`, { reason }),
    () => setReason(""),
  );
  const id = `${personId}-reason`;
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary errors={form.errors.map((e) => ({ ...e, path: id }))} detail={form.detail} />
      <Textarea
        id={id}
        label="Why this record can be erased"
        value={reason}
        onChange={setReason}
        error={form.errorFor("reason")}
      />
      <Button secondary disabled={form.pending}>
        Propose erasure
      </Button>
    </form>
  );
}

function Approve({ erasure }: { erasure: RetentionReview["erasures"][number] }) {
  const form = useSubmit(
    () => post(`/api/erasures/${erasure.id}/approval`, {}),
    () => undefined,
  );
  return (
    <form onSubmit={form.submit} noValidate>
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <p>
        {erasure.proposedBy.displayName} proposed on {formatDate(erasure.proposedAt)}:{" "}
        {erasure.reason}
      </p>
      <Button disabled={form.pending}>Approve and erase now</Button>
    </form>
  );
}
