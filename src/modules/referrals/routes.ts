import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { requireAccess } from "../people/access";
import { chiProblem } from "../people/chi";
import { recordReferral } from "./record-referral";
import { REFERRAL_SOURCES, URGENCIES } from "./schema";

const NewReferral = z.object({
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

export function referralRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/referrals",
    {
      schema: {
        tags: ["Referrals"],
        summary: "Record a referral for a new person; the recording worker holds the case",
        body: NewReferral,
        response: { 201: z.object({ personId: z.uuid(), referralId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(db, requireActor(request), {
        action: "create",
        resource: "referral",
      });
      return reply.code(201).send(await recordReferral(db, access, request.body));
    },
  );
}
