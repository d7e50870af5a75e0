import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CouncilSettings } from "../../../src/modules/contracts/replies";
import { api, get } from "../api";
import { Button, ErrorSummary, Radios } from "../components/fields";
import { useSubmit } from "../components/useSubmit";

/**
 * How often direct payment returns are due in new agreements. Each agreement keeps the
 * frequency it was signed with, and monitoring asks about a return by that frequency.
 */
export function ReturnsSetting() {
  const current = useQuery({
    queryKey: ["council-settings"],
    queryFn: () => get<CouncilSettings>("/api/council-settings"),
  });
  const [every, setEvery] = useState("");
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && !every) setEvery(current.data.directPaymentReturnsEvery);
  }, [current.data, every]);
  const form = useSubmit(
    () => api("PUT", "/api/council-settings", { directPaymentReturnsEvery: every }),
    () => setSaved(true),
  );
  return (
    <section aria-labelledby="returns-setting-title">
      <h2 id="returns-setting-title">Direct payment returns</h2>
      <p>
        New direct payment agreements say how often the person sends back a simple return.
        Agreements already made keep what was signed.
      </p>
      {saved && <p role="status">New agreements will use this.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <Radios
          id="directPaymentReturnsEvery"
          label="A return is due"
          value={every}
          onChange={setEvery}
          options={[
            { value: "quarter", label: "Each quarter", hint: "The council's usual default" },
            { value: "month", label: "Each month" },
          ]}
          error={form.errorFor("directPaymentReturnsEvery")}
        />
        <Button disabled={form.pending}>Set the frequency</Button>
      </form>
    </section>
  );
}
