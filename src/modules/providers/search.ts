import { and, asc, eq, gt, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { localities } from "../organisation/schema";
import type { ProviderKind } from "./kinds";
import { providerServices, providers } from "./schema";
import type { LanguageCode, SupportTypeCode } from "./support-types";

/** What a person is looking for; empty or null means "any". */
export interface SupportQuery {
  text: string;
  kind: ProviderKind | "";
  minGrade: number | null;
  postcodeDistrict: string;
  localityId: string;
  supportType: SupportTypeCode | "";
  availableNow: boolean;
  maxRatePence: number | null;
  language: LanguageCode | "";
}

export const ANY_SUPPORT: SupportQuery = {
  text: "",
  kind: "",
  minGrade: null,
  postcodeDistrict: "",
  localityId: "",
  supportType: "",
  availableNow: false,
  maxRatePence: null,
  language: "",
};

/** ILIKE pattern for a word, with its own % and _ taken literally. */
export const containsPattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Words as a prefix full-text query ("care hom" -> "care:* & hom:*"); punctuation dropped. */
export const prefixQuery = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => `${word}:*`)
    .join(" & ");

/** Services whose words (and their provider's) start with every word given; none if no words. */
export function matchesWords(text: string): SQL | undefined {
  if (text.trim() === "") return undefined;
  const query = prefixQuery(text);
  return query
    ? sql`${providerServices.searchDocument} @@ to_tsquery('english', ${query})`
    : sql`false`;
}

function conditions(q: SupportQuery): SQL[] {
  const s = providerServices;
  const where: (SQL | undefined)[] = [
    eq(s.status, "active"),
    q.kind ? eq(providers.kind, q.kind) : undefined,
    q.minGrade !== null ? gte(providers.minGrade, q.minGrade) : undefined,
    q.postcodeDistrict
      ? sql`upper(split_part(${providers.postcode}, ' ', 1)) = ${q.postcodeDistrict}`
      : undefined,
    q.localityId ? sql`${q.localityId}::uuid = any(${s.localityIds})` : undefined,
    q.supportType ? sql`${q.supportType} = any(${s.supportTypes})` : undefined,
    q.availableNow
      ? and(eq(s.acceptingNewPeople, true), gt(s.availableHoursPerWeek, 0))
      : undefined,
    q.maxRatePence !== null ? lte(s.hourlyRatePence, q.maxRatePence) : undefined,
    q.language ? sql`${q.language} = any(${s.languages})` : undefined,
    matchesWords(q.text),
  ];
  return where.filter((c): c is SQL => c !== undefined);
}

const ORDER = [
  sql`${providers.minGrade} desc nulls last`,
  asc(providers.name),
  asc(providerServices.name),
  asc(providerServices.id),
];

/**
 * The one query behind the search: the page of matching service ids, best graded first, with
 * how many match in all (the benchmark runs its SQL raw to compare).
 */
export function supportSearchQuery(db: Db, q: SupportQuery, page = 1, perPage = 20) {
  return db
    .select({ id: providerServices.id, total: sql<number>`(count(*) over ())::int` })
    .from(providerServices)
    .innerJoin(providers, eq(providers.id, providerServices.providerId))
    .where(and(...conditions(q)))
    .orderBy(...ORDER)
    .limit(perPage)
    .offset((page - 1) * perPage);
}

function serviceDetails(db: Db, ids: string[]) {
  const s = providerServices;
  return db
    .select({
      serviceId: s.id,
      serviceName: s.name,
      description: s.description,
      supportTypes: s.supportTypes,
      localityIds: s.localityIds,
      availableHoursPerWeek: s.availableHoursPerWeek,
      acceptingNewPeople: s.acceptingNewPeople,
      hourlyRatePence: s.hourlyRatePence,
      languages: s.languages,
      accessibleInformation: s.accessibleInformation,
      providerId: providers.id,
      providerName: providers.name,
      kind: providers.kind,
      careInspectorateNumber: providers.careInspectorateNumber,
      minGrade: providers.minGrade,
      town: providers.town,
      postcode: providers.postcode,
      phone: providers.phone,
      email: providers.email,
      website: providers.website,
    })
    .from(s)
    .innerJoin(providers, eq(providers.id, s.providerId))
    .where(inArray(s.id, ids));
}

/** Services matching every filter given, best graded first, a page at a time. */
export async function searchSupport(db: Db, q: SupportQuery, page = 1, perPage = 20) {
  const found = await supportSearchQuery(db, q, page, perPage);
  // Past the last page there is no row to carry the count: ask for it.
  const counted = found[0] ?? (page > 1 ? (await supportSearchQuery(db, q, 1, 1))[0] : undefined);
  const total = counted?.total ?? 0;
  if (found.length === 0) return { total, results: [] };
  const ids = found.map((f) => f.id);
  const [details, areas] = await Promise.all([
    serviceDetails(db, ids),
    db.select().from(localities).orderBy(asc(localities.name)),
  ]);
  const results = ids.flatMap((id) => {
    const row = details.find((d) => d.serviceId === id);
    if (!row) return [];
    const { localityIds, ...rest } = row;
    // Names of the areas from the small localities table, rather than a join for every row.
    return [
      { ...rest, localities: areas.filter((a) => localityIds.includes(a.id)).map((a) => a.name) },
    ];
  });
  return { total, results };
}
