import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command, publicRoute } from "../../platform/http/command";
import { PasswordLink } from "../identity/replies";
import { issuePasswordLink } from "../identity/set-password-store";
import { PersonParams } from "./params";
import { AUTHORITIES, Localities, PeopleList } from "./replies";
import { allLocalities, giveAccount, hasSignIn, listPeople, refuseTakenEmail } from "./store";

const NewAccount = z
  .object({
    kind: z.enum(["person", "representative"]),
    email: z.email("Enter a valid email address").trim().toLowerCase(),
    displayName: z.string().trim().min(1, "Enter the name").max(200),
    relationship: z.string().trim().max(100).optional(),
    authority: z.enum(AUTHORITIES).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind !== "representative") return;
    if (!value.relationship)
      ctx.addIssue({ code: "custom", path: ["relationship"], message: "Say how they are related" });
    if (!value.authority)
      ctx.addIssue({
        code: "custom",
        path: ["authority"],
        message: "Choose the authority they hold",
      });
  });

export function peopleRoutes(app: App, deps: RouteDeps) {
  const tags = ["People"];

  publicRoute(app, deps, {
    method: "GET",
    url: "/api/localities",
    schema: {
      tags,
      summary: "Localities of the council (public: the self-referral form needs them)",
      response: { 200: Localities },
    },
    public: "the council's localities, which the public self-referral form offers",
    run: async ({ db }) => ({ localities: await allLocalities(db) }),
  });

  command(app, deps, {
    method: "GET",
    url: "/api/people",
    schema: {
      tags,
      summary: "The people the signed-in user works with or is",
      response: { 200: PeopleList },
    },
    access: { action: "list", resource: "person" },
    run: async ({ db, personIds, shown }) => {
      const list = await listPeople(db, personIds("read"));
      shown(list.map((p) => ({ resourceId: p.id, personId: p.id })));
      return { people: list };
    },
  });

  command(app, deps, {
    method: "POST",
    url: "/api/people/:personId/accounts",
    schema: {
      tags,
      summary:
        "Give the person, or someone acting for them, a Cairn sign-in: a one-time link to hand over, for them to set their own password",
      params: PersonParams,
      body: NewAccount,
      response: { 201: PasswordLink },
    },
    access: { action: "create", resource: "account" },
    find: ({ params }) => ({ personId: params.personId }),
    lock: true,
    status: 201,
    guard: async ({ db, params, body }) => {
      await refuseTakenEmail(db, body.email);
      return body.kind === "person" && (await hasSignIn(db, params.personId))
        ? "This person already has a sign-in."
        : null;
    },
    run: async ({ db, params, body, actor, audit }) => {
      // No password passes through the worker: the owner sets theirs with the link.
      const userId = await giveAccount(db, params.personId, body);
      const issued = await issuePasswordLink(db, userId, "new", actor.userId);
      audit({ resourceId: userId, detail: { kind: body.kind, link: "new" } });
      return { userId, email: body.email, ...issued };
    },
  });
}
