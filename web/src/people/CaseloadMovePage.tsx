import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Caseloads, MovedCaseload } from "../../../src/modules/data-protection/replies";
import { get, post } from "../api";
import { FormPage } from "../components/FormPage";
import { Checkboxes, Select } from "../components/fields";
import { Loading } from "../components/layout";
import { useSubmit } from "../components/useSubmit";
import { ROLE_LABELS } from "../format";
import { fullName } from "./queries";

/** An administrator or team manager moves a leaver's caseload (all, or the people chosen). */
export function CaseloadMovePage() {
  const loads = useQuery({
    queryKey: ["caseloads"],
    queryFn: () => get<Caseloads>("/api/caseloads"),
  });
  const [fromWorkerId, setFrom] = useState("");
  const [toWorkerId, setTo] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [moved, setMoved] = useState<MovedCaseload>();
  const form = useSubmit(
    () =>
      post<MovedCaseload>("/api/caseloads/move", {
        fromWorkerId,
        toWorkerId,
        ...(chosen.length ? { personIds: chosen } : {}),
      }),
    (result) => {
      setMoved(result);
      setChosen([]);
    },
  );
  if (!loads.data) return <Loading />;
  const workers = loads.data.workers;
  const from = workers.find((w) => w.id === fromWorkerId);
  const label = (w: (typeof workers)[number]) =>
    `${w.displayName} (${ROLE_LABELS[w.role] ?? w.role}, ${w.people.length} ${w.people.length === 1 ? "person" : "people"})`;
  return (
    <FormPage
      title="Move a caseload"
      intro={
        <>
          <p>
            When a worker leaves or changes job, move the people allocated to them to another
            worker. Everyone moves at once, or only the people you choose.
          </p>
          {moved && (
            <p role="status">
              Moved {moved.moved} {moved.moved === 1 ? "person" : "people"}.
            </p>
          )}
        </>
      }
      form={form}
      submitLabel="Move the caseload"
    >
      <Select
        id="fromWorkerId"
        label="Whose caseload moves"
        value={fromWorkerId}
        onChange={(v) => {
          setFrom(v);
          setChosen([]);
        }}
        options={workers.map((w) => ({ value: w.id, label: label(w) }))}
        error={form.errorFor("fromWorkerId")}
      />
      {from && from.people.length > 0 && (
        <Checkboxes
          id="personIds"
          legend="Who moves"
          hint="Choose no one to move everyone."
          options={from.people.map((p) => ({ value: p.id, label: fullName(p) }))}
          selected={chosen}
          onChange={setChosen}
          error={form.errorFor("personIds")}
        />
      )}
      <Select
        id="toWorkerId"
        label="Who takes them on"
        value={toWorkerId}
        onChange={setTo}
        options={workers
          .filter((w) => w.id !== fromWorkerId)
          .map((w) => ({ value: w.id, label: label(w) }))}
        error={form.errorFor("toWorkerId")}
      />
    </FormPage>
  );
}
