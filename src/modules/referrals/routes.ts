import { eq } from "drizzle-orm";
import { z } from "zod";
import { requireAccess } from "../../platform/authorisation/guard";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { invalid, Problem } from "../../platform/http/problem";
import { localities, people } from "../people/schema";
import { REFERRAL_SOURCES, referrals, URGENCIES } from "./schema";

const NewReferral = z.object({
  person: z.object({
    givenName: requiredText("Enter the person's given name", 100),
    familyName: requiredText("Enter the person's family name", 100),
    dateOfBirth,
    localityId: z.uuid("Choose a locality"),
  }),
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
      const actor = requireActor(request);
      const access = await requireAccess(db, actor, { action: "create", resource: "referral" });
      const { person, source, urgency, reason } = request.body;
      const [locality] = await db
        .select()
        .from(localities)
        .where(eq(localities.id, person.localityId));
      if (!locality)
        throw invalid([{ path: "person.localityId", message: "Choose a locality from the list" }]);
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
