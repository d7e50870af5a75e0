import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { dateOfBirth, requiredText } from "../../platform/http/fields";
import { checkNewPerson, recordReferral } from "./record-referral";
import { ReferralRecorded, SelfReferralList, SelfReferralSent } from "./replies";
import { CHOICE_AND_CONTROL } from "./schema";
import {
  openSelfReferral,
  openSelfReferrals,
  receiveSelfReferral,
  type SelfReferral,
  takeOn,
} from "./store";
import { URGENCIES } from "./vocabulary";

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

/** The referral a self-referral becomes, as the worker taking it on records it. */
const referralFrom = (prepared: SelfReferral, body: z.infer<typeof Acceptance>) => ({
  person: prepared,
  source: prepared.sentBy ? ("family-or-carer" as const) : ("self" as const),
  urgency: body.urgency,
  reason: referralReason(prepared),
  confirmedNew: body.confirmedNew,
});

export function selfReferralRoutes(app: App, deps: RouteDeps) {
  const tags = ["Referrals"];

  publicRoute(app, deps, {
    method: "POST",
    url: "/api/self-referrals",
    config: { rateLimit: { max: 20, timeWindow: "1 hour" } },
    schema: {
      tags,
      summary: "Prepare to talk to social work, and send it (no account needed; public)",
      body: Prepared,
      response: { 201: SelfReferralSent },
    },
    public:
      "anyone may ask social work for help without an account (rate limited); it reads no one's record",
    run: async ({ db, body, reply }) => {
      const id = await receiveSelfReferral(db, body);
      reply.code(201);
      return { reference: id.slice(0, 8).toUpperCase() };
    },
  });

  command(app, deps, {
    method: "GET",
    url: "/api/self-referrals",
    schema: {
      tags,
      summary: "Self-referrals not yet taken on, oldest first (social work staff)",
      response: { 200: SelfReferralList },
    },
    access: { action: "list", resource: "self-referral" },
    // About no person on record yet: the policy (social work staff) is the whole scope.
    run: async ({ db, shown }) => {
      const selfReferrals = await openSelfReferrals(db);
      shown(selfReferrals.map((r) => ({ resourceId: r.id, personId: null })));
      return { selfReferrals };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/self-referrals/:selfReferralId/acceptance",
    schema: {
      tags,
      summary: "Take a self-referral on: records the person and the referral, held by you",
      params: z.object({ selfReferralId: z.uuid("That is not a self-referral's id") }),
      body: Acceptance,
      response: { 201: ReferralRecorded },
    },
    access: { action: "create", resource: "referral" },
    find: async ({ db, params, body }) => ({
      personId: null,
      referral: referralFrom(await openSelfReferral(db, params.selfReferralId), body),
    }),
    // Before the transaction, so the duplicates a refusal shows stay audited.
    check: ({ db, actor, found }) =>
      checkNewPerson(db, actor, found.referral.person, found.referral.confirmedNew),
    status: 201,
    run: async ({ db, found, params, actor, audit }) => {
      const ids = await recordReferral(db, found.referral, actor.userId);
      await takeOn(db, params.selfReferralId, ids.referralId);
      audit({ resourceId: ids.referralId, personId: ids.personId });
      return ids;
    },
  });
}
