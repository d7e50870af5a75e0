import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { ReportSummary } from "./replies";
import { reportSummary } from "./store";

export function reportRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "GET",
    url: "/api/reports/summary",
    schema: {
      tags: ["Reports"],
      summary: "Aggregates for finance, commissioning and managers: no personal data",
      response: { 200: ReportSummary },
    },
    access: { action: "read", resource: "report" },
    run: ({ db }) => reportSummary(db),
  });
}
