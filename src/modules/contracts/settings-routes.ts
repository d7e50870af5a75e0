import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { CouncilSettings } from "./replies";
import { councilSettingsOf, setCouncilSettings } from "./settings";
import { RETURN_FREQUENCIES } from "./terms";

const Settings = z
  .object({
    directPaymentReturnsEvery: z
      .enum(
        RETURN_FREQUENCIES,
        "Choose how often direct payment returns are due: each month or each quarter",
      )
      .optional(),
    /** People and providers comparing providers see a plain-language health rating. */
    publishHealthRating: z.boolean("Say yes or no").optional(),
  })
  .refine((s) => s.directPaymentReturnsEvery !== undefined || s.publishHealthRating !== undefined, {
    path: ["directPaymentReturnsEvery"],
    message: "Choose how often direct payment returns are due: each month or each quarter",
  });

/** The council's defaults for new agreements: staff read them, an administrator sets them. */
export function councilSettingsRoutes(app: App, deps: RouteDeps) {
  const tags = ["Contracts"];
  command(app, deps, {
    method: "GET",
    url: "/api/council-settings",
    schema: {
      tags,
      summary: "The council's defaults for new agreements",
      response: { 200: CouncilSettings },
    },
    access: { action: "read", resource: "council-settings" },
    run: ({ db }) => councilSettingsOf(db),
  });

  command(app, deps, {
    method: "PUT",
    url: "/api/council-settings",
    schema: {
      tags,
      summary:
        "Set the council's defaults for new agreements, and whether providers' health ratings are published (administrators)",
      body: Settings,
      response: { 200: CouncilSettings },
    },
    access: { action: "update", resource: "council-settings" },
    run: async ({ db, body, actor, audit }) => {
      const now = await setCouncilSettings(db, body, actor.userId);
      audit({ detail: body });
      return now;
    },
  });
}
