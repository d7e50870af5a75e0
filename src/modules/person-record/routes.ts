import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { notFound } from "../../platform/http/problem";
import { PersonParams } from "../people/params";
import { PersonRecord } from "./replies";
import { personRecord } from "./store";

/** The person's record: every step of their journey so far, on one page. */
export function personRecordRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/people/:personId",
    schema: {
      tags: ["People"],
      summary: "A person's record, as far as the journey goes",
      params: PersonParams,
      response: { 200: PersonRecord },
    },
    access: { action: "read", resource: "person" },
    find: ({ params }) => ({ personId: params.personId }),
    run: async ({ db, params, audit, may }) => {
      const record = await personRecord(db, params.personId);
      if (!record) throw notFound("That person");
      audit({ resourceId: params.personId });
      return {
        ...record,
        may: {
          record: may("create", "assessment"),
          signOff: may("approve", "assessment"),
          approveBudget: may("approve", "budget"),
          endAuthority: may("update", "representative"),
        },
      };
    },
  });
}
