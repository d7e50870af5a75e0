import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { conflict, notFound, Problem } from "../../platform/http/problem";
import { keepVersions } from "./directory-store";
import { identityChanges } from "./identity";
import type { ProviderKind } from "./kinds";
import { providerIdentityRequests, providers } from "./schema";

type Requested = { name?: string; kind?: ProviderKind; careInspectorateNumber?: string | null };

/**
 * A provider's request to change its name, kind or Care Inspectorate number: only the fields
 * that differ from the entry now are kept; a request changing nothing is a conflict.
 */
export async function askIdentityChange(
  tx: Db,
  providerId: string,
  requested: Requested,
  reason: string,
  by: string,
) {
  const [current] = await tx.select().from(providers).where(eq(providers.id, providerId));
  if (!current) throw notFound("That provider");
  const fields = identityChanges(current, requested);
  if (fields.length === 0) throw conflict("Nothing would change: the entry already says this.");
  const asked = Object.fromEntries(fields.map((f) => [f, requested[f]])) as Requested;
  const [row] = await tx
    .insert(providerIdentityRequests)
    .values({ providerId, requested: asked, reason, requestedBy: by })
    .returning({ id: providerIdentityRequests.id });
  if (!row) throw new Problem(500, "Not saved", "The request could not be saved.");
  return { id: row.id, fields };
}

/** The open requests, oldest first, each with the entry's identity now. */
export function openIdentityRequests(db: Db) {
  return db
    .select({
      id: providerIdentityRequests.id,
      providerId: providers.id,
      current: {
        name: providers.name,
        kind: providers.kind,
        careInspectorateNumber: providers.careInspectorateNumber,
      },
      requested: providerIdentityRequests.requested,
      reason: providerIdentityRequests.reason,
      requestedAt: providerIdentityRequests.requestedAt,
    })
    .from(providerIdentityRequests)
    .innerJoin(providers, eq(providers.id, providerIdentityRequests.providerId))
    .where(eq(providerIdentityRequests.status, "open"))
    .orderBy(providerIdentityRequests.requestedAt);
}

/** A provider's own requests, newest first: what it asked and what the council decided. */
export function identityRequestsOf(db: Db, providerId: string) {
  return db
    .select({
      id: providerIdentityRequests.id,
      requested: providerIdentityRequests.requested,
      reason: providerIdentityRequests.reason,
      requestedAt: providerIdentityRequests.requestedAt,
      status: providerIdentityRequests.status,
      note: providerIdentityRequests.note,
    })
    .from(providerIdentityRequests)
    .where(eq(providerIdentityRequests.providerId, providerId))
    .orderBy(desc(providerIdentityRequests.requestedAt));
}

export async function findIdentityRequest(db: Db, requestId: string) {
  const [row] = await db
    .select()
    .from(providerIdentityRequests)
    .where(eq(providerIdentityRequests.id, requestId));
  if (!row) throw notFound("That request");
  // About a provider, no person: the council's market team stands to it as to any.
  return { ...row, personId: null };
}

/** The request's status, its row locked for the decision. */
export async function lockedIdentityStatus(tx: Db, requestId: string) {
  const [row] = await tx
    .select({ status: providerIdentityRequests.status })
    .from(providerIdentityRequests)
    .where(eq(providerIdentityRequests.id, requestId))
    .for("update");
  return row?.status ?? "open";
}

/**
 * The council's decision: approved, the change applies to the entry as a new version (kept
 * as every directory change is); rejected, the entry stays. Either way with its note.
 */
export async function decideIdentityChange(
  tx: Db,
  request: Pick<typeof providerIdentityRequests.$inferSelect, "id" | "providerId" | "requested">,
  decision: { decision: "approved" | "rejected"; note: string },
  by: string,
) {
  let changed: string[] = [];
  if (decision.decision === "approved") {
    const [before] = await tx
      .select()
      .from(providers)
      .where(eq(providers.id, request.providerId))
      .for("update");
    if (!before) throw notFound("That provider");
    changed = identityChanges(before, request.requested);
    if (changed.length) {
      const [row] = await tx
        .update(providers)
        .set({
          ...request.requested,
          version: before.version + 1,
          updatedAt: new Date().toISOString(),
        })
        .where(eq(providers.id, request.providerId))
        .returning();
      if (row) await keepVersions(tx, "provider", [row], changed, by);
    }
  }
  await tx
    .update(providerIdentityRequests)
    .set({
      status: decision.decision,
      note: decision.note,
      decidedBy: by,
      decidedAt: new Date().toISOString(),
    })
    .where(eq(providerIdentityRequests.id, request.id));
  return { status: decision.decision, changed };
}
