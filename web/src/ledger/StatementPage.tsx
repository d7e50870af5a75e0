import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { SessionUser } from "../../../src/modules/identity/replies";
import type { Statement, Statements } from "../../../src/modules/ledger/replies";
import { get } from "../api";
import { Checkbox, TextInput } from "../components/fields";
import { Loading, PageHeader } from "../components/layout";
import { formatPence } from "../format";
import { fullName, usePerson } from "../people/queries";

const thisMonth = () => new Date().toISOString().slice(0, 7);

/** The month's statement for each fund: in, out on what, left, with a simple chart. */
export function StatementPage({ personId, user }: { personId: string; user: SessionUser }) {
  const person = usePerson(personId);
  const [period, setPeriod] = useState(thisMonth());
  const [easyRead, setEasyRead] = useState(false);
  const valid = /^20\d\d-(0[1-9]|1[0-2])$/.test(period);
  const statements = useQuery({
    queryKey: ["statements", personId, period],
    enabled: valid,
    queryFn: () =>
      get<Statements>(`/api/people/${personId}/statements/${period}`).then((r) => r.statements),
  });
  const own = user.personId === personId;
  return (
    <>
      <PageHeader
        title={own ? "Your money" : `Money: ${person.data ? fullName(person.data) : ""}`}
      />
      <TextInput
        id="period"
        label="Month"
        hint="Like 2026-12"
        value={period}
        onChange={setPeriod}
      />
      <Checkbox
        id="easy-read"
        label="Show the easy-read version"
        checked={easyRead}
        onChange={setEasyRead}
      />
      {valid && (
        <p>
          <a href={`/api/people/${personId}/statements/${period}/statement.pdf`}>
            This statement as a PDF
          </a>
          {" | "}
          <a href={`/api/people/${personId}/statements/${period}/statement.pdf?format=easy-read`}>
            Easy read PDF, large type
          </a>
        </p>
      )}
      {statements.isPending && valid && <Loading />}
      {statements.data?.length === 0 && <p>There is no money to show for this month.</p>}
      {statements.data?.map(({ fund, statement: s }) => (
        <section
          key={fund.key}
          aria-labelledby={`fund-${fund.key}`}
          className={easyRead ? "cairn-card cairn-easy-read" : "cairn-card"}
        >
          <h2 id={`fund-${fund.key}`}>{fund.label}</h2>
          <SpentChart statement={s} />
          {easyRead ? (
            <ul>
              <li>At the start you had {formatPence(s.openingPence)}.</li>
              <li>{formatPence(s.totalInPence)} came in.</li>
              <li>{formatPence(s.totalOutPence)} was spent.</li>
              <li>{formatPence(s.closingPence)} is left.</li>
            </ul>
          ) : (
            <table className="ds_table">
              <caption>{period}: what came in, what went out, what is left</caption>
              <tbody>
                <tr>
                  <th scope="row">At the start of the month</th>
                  <td>{formatPence(s.openingPence)}</td>
                </tr>
                {s.cameIn.map((i) => (
                  <tr key={`in-${i.label}`}>
                    <th scope="row">In: {i.label}</th>
                    <td>{formatPence(i.pence)}</td>
                  </tr>
                ))}
                {s.wentOut.map((o) => (
                  <tr key={`out-${o.label}`}>
                    <th scope="row">Out: {o.label}</th>
                    <td>{formatPence(o.pence)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Left at the end of the month</th>
                  <td>
                    <strong>{formatPence(s.closingPence)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}

/** How much of what there was to spend has gone: a bar, with the figure in words for everyone. */
function SpentChart({ statement: s }: { statement: Statement }) {
  const available = s.openingPence + s.totalInPence;
  const percent =
    available > 0 ? Math.min(100, Math.round((s.totalOutPence * 100) / available)) : 0;
  return (
    <figure className="cairn-chart">
      <div className="cairn-chart__track" aria-hidden="true">
        <div className="cairn-chart__spent" style={{ width: `${percent}%` }} />
      </div>
      <figcaption>
        {percent}% spent: {formatPence(s.totalOutPence)} of {formatPence(available)}.{" "}
        {formatPence(s.closingPence)} left.
      </figcaption>
    </figure>
  );
}
