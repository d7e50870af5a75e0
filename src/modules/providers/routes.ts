import { asc } from "drizzle-orm";
import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { requireAccess } from "../people/access";
import { PROVIDER_KINDS, providers } from "./schema";
import { signpostsFor } from "./store";

const ProviderListing = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  serviceType: z.string(),
  town: z.string().nullable(),
  minGrade: z.number().int().nullable(),
  summary: z.string(),
});

export function providerRoutes(app: App, { db }: RouteDeps) {
  app.get(
    "/api/providers",
    {
      schema: {
        tags: ["Providers"],
        summary: "The provider directory",
        response: { 200: z.object({ providers: z.array(ProviderListing) }) },
      },
    },
    async (request) => {
      await requireAccess(db, requireActor(request), {
        action: "list",
        resource: "provider-directory",
      });
      const rows = await db
        .select({
          id: providers.id,
          name: providers.name,
          kind: providers.kind,
          serviceType: providers.serviceType,
          town: providers.town,
          minGrade: providers.minGrade,
          summary: providers.summary,
        })
        .from(providers)
        .orderBy(asc(providers.name));
      return { providers: rows };
    },
  );

  app.get(
    "/api/people/:personId/signposts",
    {
      schema: {
        tags: ["Providers"],
        summary: "Community and universal supports matching the person's outcomes and locality",
        params: z.object({ personId: z.uuid("That is not a person's id") }),
        response: {
          200: z.object({
            signposts: z.array(
              z.object({
                id: z.uuid(),
                name: z.string(),
                description: z.string(),
                contact: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { personId } = request.params;
      const access = await requireAccess(db, requireActor(request), {
        action: "read",
        resource: "person",
        personId,
      });
      const signposts = await signpostsFor(db, personId);
      await access.record(db, { resourceId: personId, detail: { signposts: signposts.length } });
      return { signposts };
    },
  );
}
