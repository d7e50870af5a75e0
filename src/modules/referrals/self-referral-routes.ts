import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../../platform/audit/audit";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { conflict, invalid, notFound, Problem } from "../../platform/http/problem";
import { requireAccess } from "../people/access";
import { localities } from "../people/schema";
import { recordReferral } from "./record-referral";
import { CHOICE_AND_CONTROL, selfReferrals, URGENCIES } from "./schema";

const text = (max: number) => z.string().trim().max(max).default("");
const Prepared = z.object({
  givenName: requiredText("Enter your given name", 100),
  familyName: requiredText("Enter your family name", 100),
  dateOfBirth,
  localityId: z.uuid("Choose the area you live in"),
  contact: requiredText("Tell us how to contact you: a phone number or email", 300),
  sentBy: text(300),
  whatMatters: requiredText("Tell us what matters to you", 5000),
  whatIsWorking: text(5000),
  whatIsNotWorking: text(5000),
  helpIHave: text(5000),
  choiceAndControl: z.enum(CHOICE_AND_CONTROL, "Choose how much say you want"),
});
const Acceptance = z.object({
  urgency: z.enum(URGENCIES, "Choose how urgent it is"),
  confirmedNew: z.boolean().default(false),
});
const CHOICE_WORDS: Record<(typeof CHOICE_AND_CONTROL)[number], string> = {
  "a-lot": "a lot of choice and control",
  some: "some choice and control",
  "a-little": "a little choice and control",
  "not-sure": "not sure yet how much choice and control",
};

/** The referral text a worker sees, built from what the person prepared. */
export function referralReason(p: z.infer<typeof Prepared>): string {
  return [
    p.sentBy ? `Sent by ${p.sentBy}.` : "Sent by the person themselves.",
    `What matters: ${p.whatMatters}`,
    p.whatIsWorking && `What is working: ${p.whatIsWorking}`,
    p.whatIsNotWorking && `What is not working: ${p.whatIsNotWorking}`,
    p.helpIHave && `Help already there: ${p.helpIHave}`,
    `Wants ${CHOICE_WORDS[p.choiceAndControl]}. Contact: ${p.contact}`,
  ]
    .filter(Boolean)
    .join("\n");
}

export function selfReferralRoutes(app: App, { db }: RouteDeps) {
  const tags = ["Referrals"];

  app.post(
    "/api/self-referrals",
    {
      config: { rateLimit: { max: 20, timeWindow: "1 hour" } },
      schema: {
        tags,
        summary: "Prepare to talk to social work, and send it (no account needed; public)",
        body: Prepared,
        response: { 201: z.object({ reference: z.string() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [locality] = await db
        .select()
        .from(localities)
        .where(eq(localities.id, body.localityId));
      if (!locality)
        throw invalid([
          { path: "localityId", message: "Choose the area you live in from the list" },
        ]);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(selfReferrals)
          .values(body)
          .returning({ id: selfReferrals.id });
        if (!row)
          throw new Problem(500, "Not sent", "Your form could not be saved. Please try again.");
        await recordAudit(tx, [
          {
            actorRole: "public",
            action: "create",
            resourceType: "self-referral",
            resourceId: row.id,
            outcome: "allowed",
          },
        ]);
        return row.id;
      });
      return reply.code(201).send({ reference: id.slice(0, 8).toUpperCase() });
    },
  );

  app.get(
    "/api/self-referrals",
    {
      schema: {
        tags,
        summary: "Self-referrals not yet taken on, oldest first (social work staff)",
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await requireAccess(db, actor, { action: "list", resource: "self-referral" });
      const rows = await db
        .select()
        .from(selfReferrals)
        .where(isNull(selfReferrals.referralId))
        .orderBy(asc(selfReferrals.receivedAt));
      await recordAudit(
        db,
        rows.map((r) => ({
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: "list",
          resourceType: "self-referral",
          resourceId: r.id,
          outcome: "allowed" as const,
        })),
      );
      return { selfReferrals: rows };
    },
  );

  app.post(
    "/api/self-referrals/:selfReferralId/acceptance",
    {
      schema: {
        tags,
        summary: "Take a self-referral on: records the person and the referral, held by you",
        params: z.object({ selfReferralId: z.uuid("That is not a self-referral's id") }),
        body: Acceptance,
        response: { 201: z.object({ personId: z.uuid(), referralId: z.uuid() }) },
      },
    },
    async (request, reply) => {
      const access = await requireAccess(db, requireActor(request), {
        action: "create",
        resource: "referral",
      });
      const { selfReferralId } = request.params;
      const [prepared] = await db
        .select()
        .from(selfReferrals)
        .where(eq(selfReferrals.id, selfReferralId));
      if (!prepared) throw notFound("That self-referral");
      if (prepared.referralId) throw conflict("This self-referral has already been taken on.");
      const ids = await recordReferral(
        db,
        access,
        {
          person: prepared,
          source: prepared.sentBy ? "family-or-carer" : "self",
          urgency: request.body.urgency,
          reason: referralReason({ ...prepared, dateOfBirth: prepared.dateOfBirth }),
          confirmedNew: request.body.confirmedNew,
        },
        async (tx, { referralId }) => {
          const taken = await tx
            .update(selfReferrals)
            .set({ referralId })
            .where(and(eq(selfReferrals.id, selfReferralId), isNull(selfReferrals.referralId)))
            .returning({ id: selfReferrals.id });
          if (taken.length === 0) throw conflict("This self-referral has already been taken on.");
        },
      );
      return reply.code(201).send(ids);
    },
  );
}
