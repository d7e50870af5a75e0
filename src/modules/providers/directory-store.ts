import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { invalid, notFound, Problem } from "../../platform/http/problem";
import { localities } from "../organisation/schema";
import { changedFields, type ProviderEntry, type ServiceEntry } from "./entries";
import { plainRating } from "./financial-health";
import { providerHealth } from "./health-store";
import { identityChanges } from "./identity";
import { directoryVersions, providerServices, providers } from "./schema";

type Provider = typeof providers.$inferSelect;
type Service = typeof providerServices.$inferSelect;
type ServiceFields = Omit<ServiceEntry, "hourlyRate"> & { hourlyRatePence: number };

const serviceFields = ({ hourlyRate, ...rest }: ServiceEntry): ServiceFields => ({
  ...rest,
  hourlyRatePence: hourlyRate,
});

/** Keeps the snapshots of directory entries at their versions (the table is append-only). */
export async function keepVersions(
  tx: Pick<Db, "insert">,
  entity: "provider" | "service",
  rows: (Provider | Service)[],
  fields: string[],
  changedBy: string | null,
) {
  if (rows.length === 0) return;
  await tx.insert(directoryVersions).values(
    rows.map((row) => ({
      entity,
      entityId: row.id,
      providerId: "providerId" in row ? row.providerId : row.id,
      version: row.version,
      snapshot: row as Record<string, unknown>,
      changedFields: fields,
      changedBy,
    })),
  );
}

async function requireLocalities(tx: Db, ids: string[]) {
  const known = await tx
    .select({ id: localities.id })
    .from(localities)
    .where(inArray(localities.id, ids));
  const unknown = ids.flatMap((id, i) => (known.some((k) => k.id === id) ? [] : [i]));
  if (unknown.length > 0)
    throw invalid(unknown.map((i) => ({ path: `localityIds.${i}`, message: "No such locality" })));
}

export async function registerProvider(tx: Db, entry: ProviderEntry, by: string) {
  const [row] = await tx.insert(providers).values(entry).returning();
  await keepVersions(tx, "provider", [row as Provider], [], by);
  return row as Provider;
}

async function lockedProvider(tx: Db, providerId: string) {
  const [row] = await tx.select().from(providers).where(eq(providers.id, providerId)).for("update");
  if (!row) throw notFound("That provider");
  return row;
}

/**
 * Applies the new entry; a new version only when something changed. Its identity (name, kind,
 * Care Inspectorate number) only the council changes: for anyone else (`councilOnly`), a
 * change to it is refused, naming the fields, and is asked for instead (identity-store).
 */
export async function updateProvider(
  tx: Db,
  providerId: string,
  entry: ProviderEntry,
  by: string,
  { identityLocked }: { identityLocked: boolean },
) {
  const before = await lockedProvider(tx, providerId);
  const identity = identityLocked ? identityChanges(before, entry) : [];
  if (identity.length)
    throw new Problem(
      403,
      "Only the council changes this",
      "A provider's name, kind and Care Inspectorate number are changed by the council: ask it to change them.",
      identity.map((path) => ({ path, message: "Only the council changes this: ask it to" })),
    );
  const fields = changedFields(before, entry);
  if (fields.length === 0) return { provider: before, changed: fields };
  const [row] = await tx
    .update(providers)
    .set({ ...entry, version: before.version + 1, updatedAt: new Date().toISOString() })
    .where(eq(providers.id, providerId))
    .returning();
  await keepVersions(tx, "provider", [row as Provider], fields, by);
  return { provider: row as Provider, changed: fields };
}

/** The council puts a provider on its framework, or takes it off: a new version either way. */
export async function setFramework(tx: Db, providerId: string, onFramework: boolean, by: string) {
  const before = await lockedProvider(tx, providerId);
  if (before.onFramework === onFramework) return { provider: before, changed: [] as string[] };
  const [row] = await tx
    .update(providers)
    .set({ onFramework, version: before.version + 1, updatedAt: new Date().toISOString() })
    .where(eq(providers.id, providerId))
    .returning();
  await keepVersions(tx, "provider", [row as Provider], ["onFramework"], by);
  return { provider: row as Provider, changed: ["onFramework"] };
}

export async function addService(tx: Db, providerId: string, entry: ServiceEntry, by: string) {
  await lockedProvider(tx, providerId);
  await requireLocalities(tx, entry.localityIds);
  const values = serviceFields(entry);
  const [row] = await tx
    .insert(providerServices)
    .values({ ...values, providerId })
    .returning();
  await keepVersions(tx, "service", [row as Service], [], by);
  return row as Service;
}

export async function updateService(
  tx: Db,
  providerId: string,
  serviceId: string,
  entry: ServiceEntry,
  by: string,
) {
  const [before] = await tx
    .select()
    .from(providerServices)
    .where(eq(providerServices.id, serviceId))
    .for("update");
  if (!before || before.providerId !== providerId) throw notFound("That service");
  await requireLocalities(tx, entry.localityIds);
  const values = serviceFields(entry);
  const fields = changedFields(before, values);
  if (fields.length === 0) return { service: before, changed: fields };
  const [row] = await tx
    .update(providerServices)
    .set({ ...values, version: before.version + 1, updatedAt: new Date().toISOString() })
    .where(eq(providerServices.id, serviceId))
    .returning();
  await keepVersions(tx, "service", [row as Service], fields, by);
  return { service: row as Service, changed: fields };
}

export async function providerWithServices(db: Db, providerId: string) {
  // Bank details are not on the provider (they are finance's versions, ledger/schema.ts).
  const [provider] = await db.select().from(providers).where(eq(providers.id, providerId));
  if (!provider) throw notFound("That provider");
  const services = await db
    .select()
    .from(providerServices)
    .where(eq(providerServices.providerId, providerId))
    .orderBy(asc(providerServices.name));
  return { provider, services };
}

/** A shortlist side by side: entries, services, and financial health (no bank details). */
export async function providerComparison(
  db: Db,
  ids: string[],
  shown: { reasons: boolean; rating: boolean },
) {
  const [health, entries] = await Promise.all([
    providerHealth(db, ids),
    Promise.all(ids.map((id) => providerWithServices(db, id))),
  ]);
  return entries.map(({ provider, services }) => {
    const h = health.find((x) => x.id === provider.id);
    const status = h?.health?.status;
    return {
      ...provider,
      services,
      health: shown.reasons ? (h?.health ?? null) : null,
      nextReviewDue: shown.reasons ? (h?.nextReviewDue ?? null) : null,
      hasContingencyPlan: shown.reasons ? Boolean(h?.contingencyPlan) : null,
      rating: status && (shown.reasons || shown.rating) ? plainRating(status) : null,
    };
  });
}

/** The history of a provider's entry; a 404 problem for an unknown provider. */
export async function entryHistory(db: Db, providerId: string) {
  await providerWithServices(db, providerId); // 404 for an unknown provider
  return directoryHistory(db, providerId);
}

/** Every version of the provider's entry and services, newest first. */
export function directoryHistory(db: Db, providerId: string) {
  return db
    .select({
      entity: directoryVersions.entity,
      entityId: directoryVersions.entityId,
      version: directoryVersions.version,
      changedFields: directoryVersions.changedFields,
      changedBy: directoryVersions.changedBy,
      changedAt: directoryVersions.changedAt,
      snapshot: directoryVersions.snapshot,
    })
    .from(directoryVersions)
    .where(eq(directoryVersions.providerId, providerId))
    .orderBy(desc(directoryVersions.changedAt), desc(directoryVersions.version));
}
