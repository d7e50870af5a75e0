import type { SQL } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { type AuditEntry, recordAudit } from "../audit/audit";
import { type Action, authorise, type Relationship, type Resource } from "../authorisation/policy";
import { standingIn } from "../authorisation/standing";
import type { Db } from "../db/client";
import type { Actor } from "./actor";
import { type App, type RouteDeps, requireActor } from "./app";
import { conflict, Problem } from "./problem";

/** What a route declares about who may call it: read by the start-up check and the OpenAPI. */
export type RouteAccess = { action: Action; resource: Resource } | { public: string };

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteSchema<P, Q, B> {
  tags: string[];
  summary: string;
  description?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  response?: Record<number, z.ZodType>;
  produces?: string[];
  consumes?: string[];
  hide?: boolean;
}

/** What a request brings, validated by its schema. */
export interface Input<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  actor: Actor;
  db: Db;
}

/**
 * The record a route acts on, as its `find` returns it: the person it concerns (their
 * relationship is resolved), a provider party to it (a provider stands only in its own), or
 * a relationship the module established itself.
 */
export interface Found {
  personId?: string | null;
  /** `standing`: how the provider named stands in it (default: supporting the person). */
  party?: { providerId: string | null; standing?: Relationship };
  relationship?: Relationship;
}

export interface Shown {
  resourceId: string;
  /** Null for a record about no person yet (e.g. a self-referral not taken on). */
  personId: string | null;
}

export interface Context<P, Q, B, F> extends Input<P, Q, B> {
  /** The transaction, for a write; the database, for a read. */
  db: Db;
  found: F;
  relationship: Relationship;
  request: FastifyRequest;
  reply: FastifyReply;
  /** What the audit entry records about this access (written once, by the helper). */
  audit(what: Recorded): void;
  /** A listing: one audit entry for each person shown, instead of one for the access. */
  shown(rows: Shown[], detail?: Record<string, unknown>): void;
  /** Whether the policy lets this actor, standing as they do here, do something else too. */
  may(action: Action, resource?: Resource): boolean;
  /**
   * The people on whose records the actor may do `action` to `resource` (default: the route's),
   * as a subquery of their ids: a listing's scope, from the same rules and policy as one access.
   */
  personIds(action: Action, resource?: Resource): SQL;
}

export interface Recorded {
  resourceId?: string | null;
  /** The person, when the access created them (so none was known beforehand). */
  personId?: string | null;
  detail?: Record<string, unknown>;
}

export interface Command<P, Q, B, F extends Found, R> {
  method: Method;
  url: string;
  schema: RouteSchema<P, Q, B>;
  access: { action: Action; resource: Resource };
  /** Finds the record the route acts on (throwing a 404 problem when there is none). */
  find?: (input: Input<P, Q, B>) => Promise<F> | F;
  /**
   * A check after access is granted and before the transaction, on the database itself: what it
   * audits stays even when it refuses (a referral's possible duplicates, shown and refused).
   */
  check?: (ctx: Input<P, Q, B> & { found: F; relationship: Relationship }) => Promise<void>;
  /** Locks the found person for the transaction, so their journey changes one at a time. */
  lock?: boolean;
  /** The state guard, inside the transaction after the lock: a reason to refuse, or null. */
  guard?: (ctx: Context<P, Q, B, F>) => Promise<string | null> | string | null;
  /** The HTTP status of success (default 200). */
  status?: number;
  config?: Record<string, unknown>;
  run(ctx: Context<P, Q, B, F>): Promise<R> | R;
}

/**
 * THE way to write a route that touches data: actor, relationship, authorise, transaction (for
 * a write), lock, state guard, the write, audit, in that order, once. The handler is `run`.
 */
export function command<P, Q, B, F extends Found, R>(
  app: App,
  deps: RouteDeps,
  spec: Command<P, Q, B, F, R>,
) {
  const { db, relationships } = deps;
  const write = spec.method !== "GET";
  app.route({
    method: spec.method,
    url: spec.url,
    schema: { ...spec.schema, "x-access": `${spec.access.action} ${spec.access.resource}` },
    config: { ...spec.config, access: spec.access },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const input = {
        params: request.params,
        query: request.query,
        body: request.body,
        actor,
        db,
      } as Input<P, Q, B>;
      const found = (spec.find ? await spec.find(input) : {}) as F;
      const relationship = await relationshipFor(deps, actor, found);
      const decision = authorise({ role: actor.role, relationship, ...spec.access });
      const entry = auditEntry(actor, spec.access, relationship, found);
      if (!decision.allowed) {
        await recordAudit(db, [entry("denied", { detail: { reason: decision.reason } })]);
        throw new Problem(403, "Not allowed", `You may not do this: ${decision.reason}.`);
      }
      if (spec.check) await spec.check({ ...input, found, relationship });
      const act = async (tx: Db) => {
        let recorded: Recorded = {};
        let listed: { rows: Shown[]; detail?: Record<string, unknown> } | null = null;
        const ctx: Context<P, Q, B, F> = {
          ...input,
          db: tx,
          found,
          relationship,
          request,
          reply,
          audit: (what) => {
            recorded = { ...recorded, ...what, detail: { ...recorded.detail, ...what.detail } };
          },
          shown: (rows, detail) => {
            listed = { rows, detail };
          },
          may: (action, resource = spec.access.resource) =>
            authorise({ role: actor.role, relationship, action, resource }).allowed,
          personIds: (action, resource = spec.access.resource) =>
            relationships.personIds(
              actor,
              (r) => authorise({ role: actor.role, relationship: r, action, resource }).allowed,
            ),
        };
        if (spec.lock && found.personId) await relationships.lock(tx, found.personId);
        const refused = spec.guard ? await spec.guard(ctx) : null;
        if (refused) throw conflict(refused);
        const result = await spec.run(ctx);
        const shown = listed as { rows: Shown[]; detail?: Record<string, unknown> } | null;
        await recordAudit(
          tx,
          shown
            ? shown.rows.map((r) => entry("allowed", { ...r, detail: shown.detail }))
            : [entry("allowed", recorded)],
        );
        return result;
      };
      const result = write ? await db.transaction(act) : await act(db);
      if (spec.status) reply.code(spec.status);
      return result;
    },
  });
}

async function relationshipFor(deps: RouteDeps, actor: Actor, found: Found) {
  if (found.relationship) return found.relationship;
  if (found.party && actor.role === "provider-staff") return standingIn(actor, found.party, "none");
  return found.personId ? deps.relationships.to(deps.db, actor, found.personId) : "none";
}

function auditEntry(
  actor: Actor,
  access: { action: Action; resource: Resource },
  relationship: Relationship,
  found: Found & { id?: unknown },
) {
  return (outcome: "allowed" | "denied", what: Recorded = {}): AuditEntry => ({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: access.action,
    resourceType: access.resource,
    resourceId: what.resourceId ?? (typeof found.id === "string" ? found.id : null),
    personId: what.personId ?? found.personId ?? null,
    outcome,
    detail: { relationship, ...what.detail },
  });
}

export interface PublicRoute<P, Q, B> {
  method: Method;
  url: string;
  schema: RouteSchema<P, Q, B>;
  /** Why anyone may call it, signed in or not (shown in the OpenAPI document). */
  public: string;
  config?: Record<string, unknown>;
  run(
    input: Omit<Input<P, Q, B>, "actor"> & {
      actor: Actor | null;
      request: FastifyRequest;
      reply: FastifyReply;
    },
  ): Promise<unknown> | unknown;
}

/** A route anyone may call: it declares why, and reads or writes no person's record. */
export function publicRoute<P, Q, B>(app: App, deps: RouteDeps, spec: PublicRoute<P, Q, B>) {
  app.route({
    method: spec.method,
    url: spec.url,
    schema: { ...spec.schema, "x-access": `public: ${spec.public}` },
    config: { ...spec.config, access: { public: spec.public } },
    handler: (request, reply) =>
      spec.run({
        params: request.params as Out<P>,
        query: request.query as Out<Q>,
        body: request.body as Out<B>,
        actor: request.actor,
        db: deps.db,
        request,
        reply,
      }),
  });
}
