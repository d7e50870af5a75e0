import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Pools as PoolsReply } from "../../../src/modules/plans/replies";
import { get, post } from "../api";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Select,
  Textarea,
  TextInput,
} from "../components/fields";
import { useFields } from "../components/useFields";
import { useSubmit } from "../components/useSubmit";
import { formatPence } from "../format";
import { fullName, usePeople } from "../people/queries";

/** Support shared with others: the person sees their own share, never who the others are. */
export const usePools = (personId: string) =>
  useQuery({
    queryKey: ["pools", personId],
    queryFn: () => get<PoolsReply>(`/api/people/${personId}/pools`).then((r) => r.pools),
  });

export function Pools({ personId, own }: { personId: string; own: boolean }) {
  const pools = usePools(personId);
  if (!pools.data?.length) return null;
  return (
    <section aria-labelledby="pools">
      <h2 id="pools">Support shared with others</h2>
      <ul>
        {pools.data.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>: {p.description}. Shared by {p.members} people;{" "}
            {own ? "your" : "this person's"} share is {formatPence(p.yourSharePence)}
            {p.oneOff ? ", paid once" : " a year"}.
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A worker records that people agreed to share support, and how the cost is split. */
export function SharePool({ personId }: { personId: string }) {
  const people = usePeople();
  const [others, setOthers] = useState<string[]>([]);
  const fields = useFields(
    { name: "", description: "", costType: "one-off", amount: "", per: "week" },
    "",
    "pool-",
  );
  const v = fields.values;
  const form = useSubmit(
    () =>
      post("/api/support-pools", {
        name: v.name,
        description: v.description,
        cost:
          v.costType === "one-off"
            ? { type: "one-off", amount: v.amount }
            : { type: "recurring", amount: v.amount, per: v.per },
        members: [personId, ...others].map((id) => ({ personId: id })),
      }),
    () => setOthers([]),
  );
  const field = fields.bind((path) => form.errorFor(path) ?? form.errorFor(`cost.${path}`));
  return (
    <section aria-labelledby="share">
      <h2 id="share">Share support with others</h2>
      <p>When people agree to share support, the cost is split evenly between their plans.</p>
      <form onSubmit={form.submit} noValidate>
        <ErrorSummary errors={form.errors} detail={form.detail} />
        <TextInput label="Name of the shared support" {...field("name")} />
        <Textarea label="What it is" {...field("description")} />
        <Select
          label="How is it paid for?"
          options={[
            { value: "one-off", label: "Once" },
            { value: "recurring", label: "Regularly" },
          ]}
          {...field("costType")}
        />
        <TextInput label="The whole cost (£)" inputMode="decimal" {...field("amount")} />
        {v.costType === "recurring" && (
          <Select
            label="How often"
            options={[
              { value: "week", label: "Each week" },
              { value: "month", label: "Each month" },
            ]}
            {...field("per")}
          />
        )}
        <Checkboxes
          id="pool-members"
          legend="Who else agreed to share it?"
          options={(people.data ?? [])
            .filter((p) => p.id !== personId)
            .map((p) => ({ value: p.id, label: fullName(p) }))}
          selected={others}
          onChange={setOthers}
          error={form.errorFor("members")}
        />
        <Button disabled={form.pending}>Set up the shared support</Button>
      </form>
    </section>
  );
}
