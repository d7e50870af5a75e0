import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordListing } from "../../platform/audit/audit";
import { requireAccess } from "../../platform/authorisation/guard";
import type { Actor } from "../../platform/http/actor";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { conflict, invalid, Problem } from "../../platform/http/problem";
import { chiProblem } from "../people/chi";
import { isCertainMatch, type PersonIdentity } from "../people/duplicates";
import { localities, people } from "../people/schema";
import { possibleDuplicates } from "../people/store";
import { REFERRAL_SOURCES, referrals, URGENCIES } from "./schema";

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
  /** Stops a new record when one may exist already: always on a CHI match, else until confirmed. */
  async function refuseDuplicates(actor: Actor, person: PersonIdentity, confirmedNew: boolean) {
    const matches = await possibleDuplicates(db, person);
    const shown = matches.map((m) => ({ resourceId: m.id, personId: m.id }));
    await recordListing(db, actor, "person", shown, { reason: "duplicate check" }, "match");
    const certain = matches.filter((m) => isCertainMatch(m.reasons));
    if (certain.length > 0) {
      throw conflict("A person with this CHI number is already recorded.", [
        { path: "person.chi", message: "A person with this CHI number is already recorded" },
      ]);
    }
    if (matches.length > 0 && !confirmedNew) {
      throw new Problem(
        409,
        "Possible duplicate",
        "Someone like this is already recorded. Check the matches; if none is this person, confirm that this is someone new.",
        [],
        {
          matches: matches.map(({ id, givenName, familyName, dateOfBirth, locality, reasons }) => ({
            id,
            givenName,
            familyName,
            dateOfBirth,
            locality: locality.name,
            reasons,
          })),
        },
      );
    }
  }

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
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "referral" });
      const { person, source, urgency, reason, confirmedNew } = request.body;
      const [locality] = await db
        .select()
        .from(localities)
        .where(eq(localities.id, person.localityId));
      if (!locality)
        throw invalid([{ path: "person.localityId", message: "Choose a locality from the list" }]);
      await refuseDuplicates(actor, person, confirmedNew);
      const result = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(people)
          .values({ ...person, allocatedWorkerId: actor.userId })
          .returning({ id: people.id });
        if (!created) throw new Problem(500, "Not saved", "The person could not be recorded.");
        const [referral] = await tx
          .insert(referrals)
          .values({ personId: created.id, source, urgency, reason, recordedBy: actor.userId })
          .returning({ id: referrals.id });
        if (!referral) throw new Problem(500, "Not saved", "The referral could not be recorded.");
        await access.record(tx, { resourceId: referral.id, personId: created.id });
        return { personId: created.id, referralId: referral.id };
      });
      return reply.code(201).send(result);
    },
  );
}
