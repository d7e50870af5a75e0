import type { App, RouteDeps } from "../platform/http/app";
import { publicRoute } from "../platform/http/command";
import { Problem } from "../platform/http/problem";
import { DemoAccounts } from "./replies";
import { demoAccounts, demoLoaded } from "./store";

/** The sign-in picker's list: only on an installation that loaded demo data. */
export function demoRoutes(app: App, deps: RouteDeps) {
  publicRoute(app, deps, {
    method: "GET",
    url: "/api/demo/accounts",
    schema: {
      tags: ["Demo"],
      summary: "Demo accounts (404 unless demo data is loaded)",
      response: { 200: DemoAccounts },
    },
    public: "the demo council's made-up accounts, for the sign-in picker; 404 on a real one",
    run: async ({ db }) => {
      if (!(await demoLoaded(db)))
        throw new Problem(404, "Not found", "This installation has no demo data.");
      return demoAccounts(db);
    },
  });
}
