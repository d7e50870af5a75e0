import { createHash } from "node:crypto";
import { SUPPORT_TYPES } from "../providers/support-types";

// Cairn's public directory in the shape of Open Referral HSDS 3.0 (as profiled by Open Referral
// UK). Pure: plain rows in, HSDS objects out. Only provider and service facts; never a person.

export const HSDS_VERSION = "3.0";
export const UK_PROFILE = "https://github.com/OpenReferralUK/uk-profile";

/** A stable UUID for something HSDS names but Cairn derives (a location, a term): RFC 4122 v5. */
export function stableId(kind: string, key: string): string {
  const hash = createHash("sha1").update(`cairn:${kind}:${key}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface DirectoryProvider {
  id: string;
  name: string;
  kind: string;
  summary: string;
  serviceType: string;
  careInspectorateNumber: string | null;
  address1: string | null;
  town: string | null;
  postcode: string | null;
  email: string | null;
  website: string | null;
}

export interface DirectoryService {
  id: string;
  providerId: string;
  name: string;
  description: string;
  supportTypes: string[];
  localities: { id: string; name: string }[];
  hourlyRatePence: number;
  languages: string[];
  accessibleInformation: string;
  status: "active" | "inactive";
  updatedAt: string;
}

export const TAXONOMY = {
  id: stableId("taxonomy", "support-types"),
  name: "Cairn types of support",
  description: "The kinds of support a service offers under Self-directed Support in Scotland.",
  version: "1",
};

export function taxonomyTerm(code: string) {
  const type = SUPPORT_TYPES.find((t) => t.code === code);
  return {
    id: stableId("taxonomy-term", code),
    code,
    term: code,
    name: type?.name ?? code,
    description: type?.description ?? code,
    taxonomy: TAXONOMY.name,
    taxonomy_id: TAXONOMY.id,
  };
}

export const taxonomyTerms = () => SUPPORT_TYPES.map((t) => taxonomyTerm(t.code));

/** The term id a filter names, back to Cairn's support type code (undefined if none). */
export const supportTypeOfTerm = (termId: string) =>
  SUPPORT_TYPES.find((t) => taxonomyTerm(t.code).id === termId)?.code;

const present = <T extends Record<string, unknown>>(object: T) =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined));

export function organization(p: DirectoryProvider) {
  return present({
    id: p.id,
    name: p.name,
    description: p.summary || p.serviceType,
    email: p.email,
    website: p.website,
  });
}

export function organizationFull(p: DirectoryProvider, services: DirectoryService[]) {
  return {
    ...organization(p),
    organization_identifiers: p.careInspectorateNumber
      ? [
          {
            id: stableId("organization-identifier", p.id),
            organization_id: p.id,
            identifier_scheme: "Care Inspectorate",
            identifier_type: "Care Inspectorate service number",
            identifier: p.careInspectorateNumber,
          },
        ]
      : [],
    services: services.map((s) => serviceFull(s, p)),
  };
}

export function location(p: DirectoryProvider) {
  const hasAddress = p.address1 && p.town && p.postcode;
  const id = stableId("location", p.id);
  return {
    id,
    location_type: "physical",
    name: [p.name, p.town].filter(Boolean).join(", "),
    addresses: hasAddress
      ? [
          {
            id: stableId("address", p.id),
            location_id: id,
            address_1: p.address1,
            city: p.town,
            state_province: "Scotland",
            postal_code: p.postcode,
            country: "GB",
            address_type: "physical",
          },
        ]
      : [],
  };
}

export function service(s: DirectoryService, p: DirectoryProvider) {
  return present({
    id: s.id,
    organization_id: s.providerId,
    name: s.name,
    description: `${s.description} ${s.accessibleInformation}`,
    url: p.website,
    email: p.email,
    status: s.status,
    last_modified: new Date(s.updatedAt).toISOString(),
    organization: organization(p),
  });
}

const serviceAtLocationId = (serviceId: string) => stableId("service-at-location", serviceId);

export function serviceFull(s: DirectoryService, p: DirectoryProvider) {
  const { organization: org, ...rest } = service(s, p);
  return {
    ...rest,
    ...(org ? { organization: org } : {}),
    service_areas: s.localities.map((l) => ({
      id: stableId("service-area", `${s.id}:${l.id}`),
      service_id: s.id,
      name: l.name,
      description: `Serves people living in ${l.name}`,
    })),
    languages: s.languages.map((code) => ({
      id: stableId("language", `${s.id}:${code}`),
      service_id: s.id,
      code,
    })),
    cost_options: [
      {
        id: stableId("cost-option", s.id),
        service_id: s.id,
        option: "Per hour of support",
        // HSDS gives amounts as numbers; Cairn holds exact pence and shows pounds to the penny.
        amount: Number((s.hourlyRatePence / 100).toFixed(2)),
        currency: "GBP",
        amount_description: `£${(s.hourlyRatePence / 100).toFixed(2)} an hour`,
      },
    ],
    attributes: s.supportTypes.map((code) => ({
      id: stableId("attribute", `${s.id}:${code}`),
      link_id: s.id,
      link_type: "service",
      link_entity: "service",
      taxonomy_term_id: taxonomyTerm(code).id,
      taxonomy_term: taxonomyTerm(code),
    })),
    service_at_locations: [
      {
        id: serviceAtLocationId(s.id),
        service_id: s.id,
        location_id: location(p).id,
        location: location(p),
      },
    ],
  };
}

export function serviceAtLocation(s: DirectoryService, p: DirectoryProvider) {
  const place = location(p);
  return {
    id: serviceAtLocationId(s.id),
    service_id: s.id,
    location_id: place.id,
    location: place,
    service: service(s, p),
  };
}

/** The HSDS page envelope around one page of contents. */
export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
