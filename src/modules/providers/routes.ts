import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { ProviderList, Signposts } from "./replies";
import { providerDirectory, signpostsFor } from "./store";

export function providerRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/providers",
    schema: {
      tags: ["Providers"],
      summary: "The provider directory",
      response: { 200: ProviderList },
    },
    access: { action: "list", resource: "provider-directory" },
    run: async ({ db }) => ({ providers: await providerDirectory(db) }),
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId/signposts",
    schema: {
      tags: ["Providers"],
      summary: "Community and universal supports matching the person's outcomes and locality",
      params: z.object({ personId: z.uuid("That is not a person's id") }),
      response: { 200: Signposts },
    },
    access: { action: "read", resource: "person" },
    find: ({ params }) => ({ personId: params.personId }),
    run: async ({ db, params, audit }) => {
      const signposts = await signpostsFor(db, params.personId);
      audit({ resourceId: params.personId, detail: { signposts: signposts.length } });
      return { signposts };
    },
  });
}
