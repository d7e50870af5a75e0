import type { Contract } from "../../../src/modules/contracts/replies";
import { post } from "../api";
import { Button, ErrorSummary, Textarea, TextInput } from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence } from "../format";

const PARTS = {
  pay: "Support worker pay",
  employerCosts: "Employer's costs (national insurance, pension, holidays)",
  training: "Travel, training and supervision",
  management: "Management and surplus",
} as const;

/** A provider asks to renegotiate the rate, showing how it is built up; the request is tracked. */
export function RateRequest({ contract: c }: { contract: Contract }) {
  const fields = useFields(
    { proposedRate: "", pay: "", employerCosts: "", training: "", management: "", reason: "" },
    "",
    `${c.id}-rate-`,
  );
  const v = fields.values;
  const form = useSubmit(
    () =>
      post(`/api/contracts/${c.id}/rate-requests`, {
        proposedRate: v.proposedRate,
        buildUp: (Object.keys(PARTS) as (keyof typeof PARTS)[]).map((k) => ({
          component: PARTS[k],
          amount: v[k],
        })),
        reason: v.reason,
      }),
    () => {},
  );
  const field = fields.bind(form.errorFor);
  return (
    <section aria-labelledby={`${c.id}-rate`}>
      <h3 id={`${c.id}-rate`}>Ask to renegotiate the rate</h3>
      <ul>
        {c.rateRequests.map((r) => (
          <li key={r.id}>
            {formatDate(r.raisedAt)}: {formatPence(r.proposedRatePence)} an hour asked ({r.status}).{" "}
            {r.reason}
          </li>
        ))}
      </ul>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        <TextInput
          label="The rate you propose (£ an hour)"
          inputMode="decimal"
          {...field("proposedRate")}
        />
        {(Object.keys(PARTS) as (keyof typeof PARTS)[]).map((k) => (
          <TextInput key={k} label={`${PARTS[k]} (£ an hour)`} inputMode="decimal" {...field(k)} />
        ))}
        <Textarea label="Why the rate should change" {...field("reason")} />
        <Button secondary disabled={form.pending}>
          Send the request
        </Button>
      </form>
    </section>
  );
}
