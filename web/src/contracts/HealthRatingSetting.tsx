import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { CouncilSettings } from "../../../src/modules/contracts/replies";
import { api, get } from "../api";
import { Button, Checkbox, ErrorSummary } from "../components/fields";
import { useSubmit } from "../components/useSubmit";

/**
 * Whether people and providers comparing providers see a plain-language rating of each
 * provider's finances. The reasons behind it are only ever shown to council staff.
 */
export function HealthRatingSetting() {
  const current = useQuery({
    queryKey: ["council-settings"],
    queryFn: () => get<CouncilSettings>("/api/council-settings"),
  });
  const [publish, setPublish] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data && publish === null) setPublish(current.data.publishHealthRating);
  }, [current.data, publish]);
  const form = useSubmit(
    () => api("PUT", "/api/council-settings", { publishHealthRating: publish ?? false }),
    () => setSaved(true),
  );
  return (
    <section aria-labelledby="health-rating-title">
      <h2 id="health-rating-title">Providers' financial health</h2>
      <p>
        Staff comparing providers see each provider's financial health and the reasons for it.
        People and providers see only a rating in plain words, and only if you publish it.
      </p>
      {saved && <p role="status">Saved.</p>}
      <ErrorSummary errors={form.errors} detail={form.detail} />
      <form onSubmit={form.submit} noValidate>
        <Checkbox
          id="publishHealthRating"
          label="Show people and providers a plain-language rating of each provider's finances"
          checked={publish ?? false}
          onChange={setPublish}
        />
        <Button disabled={form.pending}>Save</Button>
      </form>
    </section>
  );
}
