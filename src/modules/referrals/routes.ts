import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { chiProblem } from "../people/chi";
import { checkNewPerson, recordReferral } from "./record-referral";
import { ReferralRecorded } from "./replies";
import { REFERRAL_SOURCES, URGENCIES } from "./vocabulary";

export const NewReferral = z.object({
  person: z
    .object({
      givenName: requiredText("Enter the person's given name", 100),
      familyName: requiredText("Enter the person's family name", 100),
      dateOfBirth,
      localityId: z.uuid("Choose a locality"),
      chi: z
        .string()
        .transform((v) => v.replaceAll(/\s/g, ""))
        .optional()
        .transform((v) => v || undefined)
        .describe("CHI number, 10 digits (spaces allowed)"),
    })
    .superRefine((p, ctx) => {
      const problem = p.chi ? chiProblem(p.chi, p.dateOfBirth) : null;
      if (problem) ctx.addIssue({ code: "custom", path: ["chi"], message: problem });
    }),
  /** Set once the user has seen the possible duplicates and none is this person. */
  confirmedNew: z.boolean().default(false),
  source: z.enum(REFERRAL_SOURCES, "Choose who made the referral"),
  urgency: z.enum(URGENCIES, "Choose how urgent it is"),
  reason: requiredText("Say why the person was referred"),
});

export function referralRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/referrals",
    schema: {
      tags: ["Referrals"],
      summary: "Record a referral for a new person; the recording worker holds the case",
      body: NewReferral,
      response: { 201: ReferralRecorded },
    },
    access: { action: "create", resource: "referral" },
    // Before the transaction, so the duplicates a refusal shows stay audited.
    check: ({ db, actor, body }) => checkNewPerson(db, actor, body.person, body.confirmedNew),
    status: 201,
    run: async ({ db, body, actor, audit }) => {
      const ids = await recordReferral(db, body, actor.userId);
      audit({ resourceId: ids.referralId, personId: ids.personId });
      return ids;
    },
  });
}
