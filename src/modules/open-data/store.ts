import { and, asc, count, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { localities } from "../organisation/schema";
import { providerServices, providers } from "../providers/schema";
import { containsPattern, matchesWords } from "../providers/search";
import { type DirectoryProvider, type DirectoryService, stableId } from "./hsds";

// Reads the public directory for the open-data API: providers and their services only.

export interface ServiceFilter {
  search: string;
  supportType?: string;
  organizationId?: string;
  modifiedAfter?: string;
  postcodeDistrict?: string;
}

const providerColumns = {
  id: providers.id,
  name: providers.name,
  kind: providers.kind,
  summary: providers.summary,
  serviceType: providers.serviceType,
  careInspectorateNumber: providers.careInspectorateNumber,
  address1: providers.address1,
  town: providers.town,
  postcode: providers.postcode,
  email: providers.email,
  website: providers.website,
};

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function serviceConditions(f: ServiceFilter): SQL[] {
  const s = providerServices;
  return [
    matchesWords(f.search),
    f.supportType !== undefined ? sql`${f.supportType} = any(${s.supportTypes})` : undefined,
    f.organizationId ? eq(s.providerId, f.organizationId) : undefined,
    f.modifiedAfter ? gte(s.updatedAt, f.modifiedAfter) : undefined,
    f.postcodeDistrict
      ? sql`upper(split_part(${providers.postcode}, ' ', 1)) = ${f.postcodeDistrict}`
      : undefined,
  ].filter((c): c is SQL => c !== undefined);
}

async function withLocalities(db: Db, rows: { service: typeof providerServices.$inferSelect }[]) {
  const ids = [...new Set(rows.flatMap((r) => r.service.localityIds))];
  const names = ids.length
    ? await db.select().from(localities).where(inArray(localities.id, ids))
    : [];
  return (service: typeof providerServices.$inferSelect): DirectoryService => ({
    ...service,
    localities: service.localityIds.flatMap((id) => names.filter((l) => l.id === id)),
  });
}

/** One page of services with their providers, and how many match in all. */
export async function servicePage(db: Db, f: ServiceFilter, page: number, perPage: number) {
  const where = and(...serviceConditions(f));
  const [rows, [counted]] = await Promise.all([
    db
      .select({ service: providerServices, provider: providerColumns })
      .from(providerServices)
      .innerJoin(providers, eq(providers.id, providerServices.providerId))
      .where(where)
      .orderBy(asc(providerServices.name), asc(providerServices.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db
      .select({ n: count() })
      .from(providerServices)
      .innerJoin(providers, eq(providers.id, providerServices.providerId))
      .where(where),
  ]);
  const toService = await withLocalities(db, rows);
  return {
    total: counted?.n ?? 0,
    rows: rows.map((r) => ({ service: toService(r.service), provider: r.provider })),
  };
}

export async function oneService(db: Db, serviceId: string) {
  const [row] = await db
    .select({ service: providerServices, provider: providerColumns })
    .from(providerServices)
    .innerJoin(providers, eq(providers.id, providerServices.providerId))
    .where(eq(providerServices.id, serviceId));
  if (!row) return undefined;
  const toService = await withLocalities(db, [row]);
  return { service: toService(row.service), provider: row.provider };
}

export async function providerPage(db: Db, search: string, page: number, perPage: number) {
  const where = and(
    ...words(search).map((w) => sql`${providers.name} ilike ${containsPattern(w)}`),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select(providerColumns)
      .from(providers)
      .where(where)
      .orderBy(asc(providers.name), asc(providers.id))
      .limit(perPage)
      .offset((page - 1) * perPage),
    db.select({ n: count() }).from(providers).where(where),
  ]);
  return { total: counted?.n ?? 0, rows: rows as DirectoryProvider[] };
}

export async function oneProvider(db: Db, providerId: string) {
  const [provider] = await db
    .select(providerColumns)
    .from(providers)
    .where(eq(providers.id, providerId));
  if (!provider) return undefined;
  const { rows } = await servicePage(db, { search: "", organizationId: providerId }, 1, 1000);
  return { provider: provider as DirectoryProvider, services: rows.map((r) => r.service) };
}

/** All service ids, to find the one a derived service_at_location id stands for. */
const allServiceIds = (db: Db) => db.select({ id: providerServices.id }).from(providerServices);

/** The service a derived service_at_location id stands for, with its provider. */
export async function serviceAtLocationOf(db: Db, id: string) {
  const ids = await allServiceIds(db);
  const match = ids.find((s) => stableId("service-at-location", s.id) === id);
  return match ? oneService(db, match.id) : undefined;
}
