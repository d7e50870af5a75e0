import { z } from "zod";
import { PROVIDER_KINDS } from "./kinds";

// What the directory's routes reply, as zod schemas (no drizzle, no node: the web imports these).

/** A provider as the directory lists it. */
export const ProviderListing = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  serviceType: z.string(),
  town: z.string().nullable(),
  minGrade: z.number().int().nullable(),
  summary: z.string(),
});
export type ProviderListing = z.infer<typeof ProviderListing>;

export const ProviderList = z.object({ providers: z.array(ProviderListing) });
export type ProviderList = z.infer<typeof ProviderList>;

export const Signpost = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  contact: z.string(),
});
export type Signpost = z.infer<typeof Signpost>;

export const Signposts = z.object({ signposts: z.array(Signpost) });
export type Signposts = z.infer<typeof Signposts>;

/** A provider's entry in the directory (never its bank details: those are finance's alone). */
export const Provider = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  careInspectorateNumber: z.string().nullable(),
  serviceType: z.string(),
  address1: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  minGrade: z.number().int().nullable(),
  summary: z.string(),
  onFramework: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Provider = z.infer<typeof Provider>;

/** One of a provider's services, its hourly rate in pence. */
export const Service = z.object({
  id: z.uuid(),
  providerId: z.uuid(),
  name: z.string(),
  description: z.string(),
  supportTypes: z.array(z.string()),
  localityIds: z.array(z.uuid()),
  capacityHoursPerWeek: z.number().int(),
  availableHoursPerWeek: z.number().int(),
  acceptingNewPeople: z.boolean(),
  hourlyRatePence: z.number().int(),
  languages: z.array(z.string()),
  accessibleInformation: z.string(),
  status: z.enum(["active", "inactive"]),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof Service>;

export const ProviderEntry = z.object({ provider: Provider, services: z.array(Service) });
export type ProviderEntry = z.infer<typeof ProviderEntry>;

/** An update: the fields that changed (none: no new version) and the entry as it now stands. */
export const ProviderChanged = z.object({ changed: z.array(z.string()), provider: Provider });
export type ProviderChanged = z.infer<typeof ProviderChanged>;

export const ServiceChanged = z.object({ changed: z.array(z.string()), service: Service });
export type ServiceChanged = z.infer<typeof ServiceChanged>;

/** Red, amber or green, always with the reasons. */
export const Health = z.object({
  status: z.enum(["green", "amber", "red"]),
  reasons: z.array(z.string()),
  overdue: z.boolean(),
});
export type Health = z.infer<typeof Health>;

/**
 * A shortlist side by side: each provider's entry, services and financial health. The health
 * with its reasons, review date and contingency plan only for council staff (else null); for
 * anyone else a plain-language rating, only where the council publishes it.
 */
export const Comparison = z.object({
  providers: z.array(
    Provider.extend({
      services: z.array(Service),
      health: Health.nullable(),
      nextReviewDue: z.string().nullable(),
      hasContingencyPlan: z.boolean().nullable(),
      /** The health in plain words, without reasons (null: not checked, or not published). */
      rating: z.string().nullable(),
    }),
  ),
});
export type Comparison = z.infer<typeof Comparison>;

/** A version of a directory entry: what changed, when, and the entry as it then stood. */
export const DirectoryVersion = z.object({
  entity: z.enum(["provider", "service"]),
  entityId: z.uuid(),
  version: z.number().int(),
  changedFields: z.array(z.string()),
  changedBy: z.uuid().nullable(),
  changedAt: z.string(),
  /** The entry as it stood (every field but bank details). */
  snapshot: z.looseObject({ name: z.string() }),
});
export type DirectoryVersion = z.infer<typeof DirectoryVersion>;

export const DirectoryHistory = z.object({ versions: z.array(DirectoryVersion) });
export type DirectoryHistory = z.infer<typeof DirectoryHistory>;

export const FinancialCheckRecorded = Health.extend({ id: z.uuid() });
export type FinancialCheckRecorded = z.infer<typeof FinancialCheckRecorded>;

export const ContingencyPlanRecorded = z.object({ providerId: z.uuid() });
export type ContingencyPlanRecorded = z.infer<typeof ContingencyPlanRecorded>;

/** Every provider's financial health now, with its contingency plan. */
export const ProviderHealth = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  health: Health.nullable(),
  reviewedOn: z.string().nullable(),
  nextReviewDue: z.string().nullable(),
  contingencyPlan: z.string().nullable(),
});
export type ProviderHealth = z.infer<typeof ProviderHealth>;

export const MarketHealth = z.object({ providers: z.array(ProviderHealth) });
export type MarketHealth = z.infer<typeof MarketHealth>;

export const DatastoreImported = z.object({
  importId: z.uuid(),
  rows: z.number().int(),
  added: z.number().int(),
  unchanged: z.number().int(),
  matchedProviders: z.number().int(),
});
export type DatastoreImported = z.infer<typeof DatastoreImported>;

/** A service found by the public search, with its provider and the names of its areas. */
export const FoundService = z.object({
  serviceId: z.uuid(),
  serviceName: z.string(),
  description: z.string(),
  supportTypes: z.array(z.string()),
  availableHoursPerWeek: z.number().int(),
  acceptingNewPeople: z.boolean(),
  hourlyRatePence: z.number().int(),
  languages: z.array(z.string()),
  accessibleInformation: z.string(),
  providerId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  careInspectorateNumber: z.string().nullable(),
  minGrade: z.number().int().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  localities: z.array(z.string()),
});
export type FoundService = z.infer<typeof FoundService>;

export const SupportSearch = z.object({
  total: z.number().int(),
  results: z.array(FoundService),
  page: z.number().int(),
  perPage: z.number().int(),
});
export type SupportSearch = z.infer<typeof SupportSearch>;

export const Vocabulary = z.object({
  supportTypes: z.array(z.object({ code: z.string(), name: z.string(), description: z.string() })),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type Vocabulary = z.infer<typeof Vocabulary>;

const RequestedIdentity = z.object({
  name: z.string().optional(),
  kind: z.enum(PROVIDER_KINDS).optional(),
  careInspectorateNumber: z.string().nullable().optional(),
});

/** A provider's request to change its identity, recorded for the council to decide. */
export const IdentityChangeAsked = z.object({ id: z.uuid(), fields: z.array(z.string()) });
export type IdentityChangeAsked = z.infer<typeof IdentityChangeAsked>;

/** The open requests to change a provider's identity, for commissioners and administrators. */
export const IdentityRequests = z.object({
  requests: z.array(
    z.object({
      id: z.uuid(),
      providerId: z.uuid(),
      current: z.object({
        name: z.string(),
        kind: z.enum(PROVIDER_KINDS),
        careInspectorateNumber: z.string().nullable(),
      }),
      requested: RequestedIdentity,
      reason: z.string(),
      requestedAt: z.string(),
    }),
  ),
});
export type IdentityRequests = z.infer<typeof IdentityRequests>;

/** A provider's own requests to change its identity, and what the council decided. */
export const OwnIdentityRequests = z.object({
  requests: z.array(
    z.object({
      id: z.uuid(),
      requested: RequestedIdentity,
      reason: z.string(),
      requestedAt: z.string(),
      status: z.enum(["open", "approved", "rejected"]),
      note: z.string(),
    }),
  ),
});
export type OwnIdentityRequests = z.infer<typeof OwnIdentityRequests>;

export const IdentityDecided = z.object({
  status: z.enum(["approved", "rejected"]),
  changed: z.array(z.string()),
});
export type IdentityDecided = z.infer<typeof IdentityDecided>;
