import { z } from "zod";
import type { Db } from "../../platform/db/client";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requireAccess } from "../people/access";
import { councilSettings } from "./schema";
import { RETURN_FREQUENCIES } from "./terms";

// The council's defaults for new agreements; an administrator sets them, audited.

const Settings = z.object({
  directPaymentReturnsEvery: z.enum(
    RETURN_FREQUENCIES,
    "Choose how often direct payment returns are due: each month or each quarter",
  ),
});

/** The settings in force; until an administrator sets them, the defaults in the schema. */
export async function councilSettingsOf(db: Db) {
  const [row] = await db.select().from(councilSettings);
  return { directPaymentReturnsEvery: row?.directPaymentReturnsEvery ?? ("quarter" as const) };
}

export function councilSettingsRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Contracts"];
  app.get(
    "/api/council-settings",
    { schema: { tags, summary: "The council's defaults for new agreements" } },
    async (request) => {
      requireActor(request);
      return councilSettingsOf(db);
    },
  );

  app.put(
    "/api/council-settings",
    {
      schema: {
        tags,
        summary: "Set the council's defaults for new agreements (administrators)",
        body: Settings,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, {
        action: "update",
        resource: "council-settings",
      });
      const values = {
        ...request.body,
        updatedBy: actor.userId,
        updatedAt: new Date().toISOString(),
      };
      await db.transaction(async (tx) => {
        await tx
          .insert(councilSettings)
          .values(values)
          .onConflictDoUpdate({ target: councilSettings.id, set: values });
        await access.record(tx, { detail: request.body });
      });
      return councilSettingsOf(db);
    },
  );
}
