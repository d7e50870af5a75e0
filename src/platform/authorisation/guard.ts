import { type AuditEntry, recordAudit } from "../audit/audit";
import type { Db } from "../db/client";
import type { Actor } from "../http/actor";
import { Problem } from "../http/problem";
import { type Action, authorise, type Relationship, type Resource } from "./policy";
import type { Relationships } from "./relationships";

export interface AccessCheck {
  action: Action;
  resource: Resource;
  /** The person whose record is touched, if any: their relationship is looked up. */
  personId?: string;
  /** A relationship the caller has already established (e.g. from a plan's provider). */
  relationship?: Relationship;
}

export interface Recorded {
  resourceId?: string;
  /** The person, when the access created them (so none was known beforehand). */
  personId?: string;
  detail?: Record<string, unknown>;
}

/** A granted access: record() writes the audit entry, inside the caller's transaction. */
export interface Access {
  actor: Actor;
  relationship: Relationship;
  record(db: Pick<Db, "insert">, what?: Recorded): Promise<void>;
}

/**
 * The one gate every API route passes: resolve the relationship, ask the policy,
 * audit a refusal at once, and hand back a way to audit the granted access.
 */
export async function requireAccess(
  { db, relationships }: { db: Db; relationships: Relationships },
  actor: Actor,
  check: AccessCheck,
): Promise<Access> {
  const relationship =
    check.relationship ??
    (check.personId ? await relationships.to(db, actor, check.personId) : "none");
  const decision = authorise({ role: actor.role, relationship, ...check });
  const entry = (outcome: "allowed" | "denied", what: Recorded = {}): AuditEntry => ({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: check.action,
    resourceType: check.resource,
    resourceId: what.resourceId ?? null,
    personId: what.personId ?? check.personId ?? null,
    outcome,
    detail: { relationship, ...what.detail },
  });
  if (!decision.allowed) {
    await recordAudit(db, [entry("denied", { detail: { reason: decision.reason } })]);
    throw new Problem(403, "Not allowed", `You may not do this: ${decision.reason}.`);
  }
  return {
    actor,
    relationship,
    record: (tx, what) => recordAudit(tx, [entry("allowed", what)]),
  };
}
