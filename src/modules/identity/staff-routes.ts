import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { PasswordLink, Teams } from "./replies";
import { issuePasswordLink } from "./set-password-store";
import { allTeams, createStaffAccount } from "./staff-store";

// An administrator makes staff accounts (issue 13, finding 1): like every account, with no
// password; the administrator hands the new member of staff a one-time link to set their own.

const STAFF = [
  "social-worker",
  "team-manager",
  "finance-officer",
  "commissioner",
  "administrator",
  "provider-staff",
] as const;

const NewStaff = z
  .object({
    email: z.email("Enter a valid email address").trim().toLowerCase(),
    displayName: z.string().trim().min(1, "Enter the name").max(200),
    role: z.enum(STAFF, "Choose a role"),
    teamId: z.uuid("Choose one of the council's teams").optional(),
    providerId: z.uuid("Choose a provider").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "provider-staff" && !value.providerId)
      ctx.addIssue({
        code: "custom",
        path: ["providerId"],
        message: "Choose the provider they work for",
      });
    if (value.role !== "provider-staff" && value.providerId)
      ctx.addIssue({
        code: "custom",
        path: ["providerId"],
        message: "Only provider staff work for a provider",
      });
    const inTeam = value.role === "social-worker" || value.role === "team-manager";
    if (!inTeam && value.teamId)
      ctx.addIssue({
        code: "custom",
        path: ["teamId"],
        message: "Only social workers and managers are in a team",
      });
  });

export function staffRoutes(app: App, deps: RouteDeps) {
  const tags = ["Identity"];

  command(app, deps, {
    method: "POST",
    url: "/api/users",
    schema: {
      tags,
      summary:
        "Make a staff account: a one-time link to hand over, for them to set their own password (administrators)",
      body: NewStaff,
      response: { 201: PasswordLink },
    },
    access: { action: "create", resource: "user" },
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const userId = await createStaffAccount(db, body);
      const issued = await issuePasswordLink(db, userId, "new", actor.userId);
      audit({ resourceId: userId, detail: { role: body.role, link: "new" } });
      return { userId, email: body.email, ...issued };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/teams",
    schema: { tags, summary: "The council's teams (administrators)", response: { 200: Teams } },
    access: { action: "list", resource: "user" },
    run: async ({ db }) => ({ teams: await allTeams(db) }),
  });
}
