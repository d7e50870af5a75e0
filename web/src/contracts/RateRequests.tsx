import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { OpenRateRequest, OpenRateRequests } from "../../../src/modules/contracts/replies";
import { get, post } from "../api";
import { Button, ErrorSummary, Textarea } from "../components/fields";
import { useSubmit } from "../components/useSubmit";
import { formatDate, formatPence } from "../format";

/** Commissioners and finance answer providers' requests to renegotiate a rate. */
export function RateRequests() {
  const requests = useQuery({
    queryKey: ["rate-requests"],
    queryFn: () => get<OpenRateRequests>("/api/rate-requests").then((r) => r.requests),
  });
  return (
    <section aria-labelledby="rate-requests">
      <h2 id="rate-requests">Requests to renegotiate a rate</h2>
      {(requests.data ?? []).length === 0 && <p>No requests are open.</p>}
      {(requests.data ?? []).map((r) => (
        <Request key={r.id} request={r} />
      ))}
    </section>
  );
}

function Request({ request: r }: { request: OpenRateRequest }) {
  const [note, setNote] = useState("");
  const url = `/api/rate-requests/${r.id}/decision`;
  const agree = useSubmit(
    () => post(url, { decision: "agreed", note }),
    () => {},
  );
  const decline = useSubmit(
    () => post(url, { decision: "declined", note }),
    () => {},
  );
  return (
    <article className="cairn-card" aria-labelledby={`rate-${r.id}`}>
      <h3 id={`rate-${r.id}`}>
        {r.provider}: {formatPence(r.proposedRatePence)} an hour
      </h3>
      <p>
        Asked on {formatDate(r.raisedAt)}. {r.reason}
      </p>
      <ul>
        {r.buildUp.map((b) => (
          <li key={b.component}>
            {b.component}: {formatPence(b.pence)}
          </li>
        ))}
      </ul>
      <ErrorSummary
        errors={[...agree.errors, ...decline.errors]}
        detail={agree.detail ?? decline.detail}
      />
      <Textarea
        id={`rate-${r.id}-note`}
        label="Note (needed to decline)"
        value={note}
        onChange={setNote}
        error={decline.errorFor("note")}
      />
      <div className="cairn-inline-forms">
        <form onSubmit={agree.submit} noValidate>
          <Button disabled={agree.pending}>Agree the rate</Button>
        </form>
        <form onSubmit={decline.submit} noValidate>
          <Button secondary disabled={decline.pending}>
            Decline
          </Button>
        </form>
      </div>
    </article>
  );
}
