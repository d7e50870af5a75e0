import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { localities } from "../organisation/schema";
import { CREDIT_RATINGS } from "./financial-health";
import { PROVIDER_KINDS, type ProviderKind } from "./kinds";

export const providers = pgTable("providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: text("kind", { enum: PROVIDER_KINDS }).notNull(),
  /** Care Inspectorate service number (CSNumber), where the service is registered. */
  careInspectorateNumber: text("care_inspectorate_number").unique(),
  serviceType: text("service_type").notNull(),
  address1: text("address_1"),
  town: text("town"),
  postcode: text("postcode"),
  phone: text("phone"),
  email: text("email"),
  website: text("website"),
  /** Lowest key-question grade at the latest inspection (1-6), if graded. */
  minGrade: integer("min_grade"),
  summary: text("summary").notNull().default(""),
  /** On the council's framework; a person may still choose one that is not (flagged, never refused). */
  onFramework: boolean("on_framework").notNull().default(true),
  /** Bumped on every change; each version's snapshot is kept in directory_versions. */
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** Postgres full-text search document, kept by a trigger (migration 0022). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A service a provider offers: what, where, how much, and whether it can take people now. */
export const providerServices = pgTable(
  "provider_services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    description: text("description").notNull(),
    supportTypes: text("support_types").array().notNull(),
    /** The localities the service reaches (at least one). */
    localityIds: uuid("locality_ids").array().notNull(),
    capacityHoursPerWeek: integer("capacity_hours_per_week").notNull(),
    availableHoursPerWeek: integer("available_hours_per_week").notNull(),
    acceptingNewPeople: boolean("accepting_new_people").notNull(),
    hourlyRatePence: bigint("hourly_rate_pence", { mode: "number" }).notNull(),
    languages: text("languages").array().notNull(),
    /** Plain-language words on what the service offers and what it costs. */
    accessibleInformation: text("accessible_information").notNull(),
    status: text("status", { enum: ["active", "inactive"] })
      .notNull()
      .default("active"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    /** The words people search by, the service's and its provider's, stemmed. */
    searchDocument: tsvector("search_document"),
  },
  (t) => [
    index("provider_services_provider_idx").on(t.providerId),
    index("provider_services_search_idx").using("gin", t.searchDocument),
  ],
);

/**
 * Append-only history of the directory: a snapshot of a provider or a service at each version,
 * with who changed it and which fields (none for the first version), so no change is ever lost.
 */
export const directoryVersions = pgTable(
  "directory_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entity: text("entity", { enum: ["provider", "service"] }).notNull(),
    entityId: uuid("entity_id").notNull(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    version: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    changedFields: text("changed_fields").array().notNull(),
    changedBy: uuid("changed_by"),
    changedAt: timestamp("changed_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [uniqueIndex("directory_versions_entity_version_idx").on(t.entityId, t.version)],
);

/**
 * Community and universal supports a person can use without a council budget: the
 * directory's answer when a person is not eligible (they never leave with nothing).
 */
export const communitySupports = pgTable("community_supports", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  contact: text("contact").notNull(),
  /** Null: open to people from every locality. */
  localityId: uuid("locality_id").references(() => localities.id),
  nationalOutcomes: text("national_outcomes").array().notNull().default([]),
  talkingPoints: text("talking_points").array().notNull().default([]),
  createdAt: timestamp("created_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

/** One import of the Care Inspectorate datastore, and what it added. */
export const careInspectorateImports = pgTable("care_inspectorate_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  rows: integer("rows").notNull(),
  added: integer("added").notNull(),
  importedBy: uuid("imported_by").notNull(),
  importedAt: timestamp("imported_at", { mode: "string", withTimezone: true })
    .notNull()
    .defaultNow(),
});

/**
 * Grade history: one row per registered service per publication of its grades, so a second
 * import of the same file adds nothing and a newer file adds the new gradings.
 */
export const careInspectorateGradings = pgTable(
  "care_inspectorate_gradings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    csNumber: text("cs_number").notNull(),
    serviceName: text("service_name").notNull(),
    providerName: text("provider_name").notNull(),
    careService: text("care_service").notNull(),
    councilArea: text("council_area").notNull(),
    status: text("status").notNull(),
    registeredPlaces: integer("registered_places"),
    /** Empty string for a service never graded, so the uniqueness still holds. */
    gradedOn: text("graded_on").notNull(),
    minGrade: integer("min_grade"),
    grades: jsonb("grades").$type<Record<string, number | null>>().notNull(),
    importId: uuid("import_id")
      .notNull()
      .references(() => careInspectorateImports.id),
  },
  (t) => [uniqueIndex("ci_gradings_service_date_idx").on(t.csNumber, t.gradedOn)],
);

/** Append-only: each due-diligence check of a provider's finances, newest in force. */
export const providerFinancialChecks = pgTable("provider_financial_checks", {
  id: uuid("id").primaryKey().defaultRandom(),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => providers.id),
  turnoverPence: bigint("turnover_pence", { mode: "number" }).notNull(),
  surplusPence: bigint("surplus_pence", { mode: "number" }).notNull(),
  reservesMonthsTenths: integer("reserves_months_tenths").notNull(),
  dependencePercent: integer("dependence_percent").notNull(),
  creditRating: text("credit_rating", { enum: CREDIT_RATINGS }).notNull(),
  reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
  nextReviewDue: date("next_review_due", { mode: "string" }).notNull(),
  recordedBy: uuid("recorded_by").notNull(),
  recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
    .notNull()
    .defaultNow(),
});

/** Append-only: what the council will do if the provider fails; the newest is current. */
export const providerContingencyPlans = pgTable("provider_contingency_plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  providerId: uuid("provider_id")
    .notNull()
    .references(() => providers.id),
  plan: text("plan").notNull(),
  recordedBy: uuid("recorded_by").notNull(),
  recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
    .notNull()
    .defaultNow(),
});

export const IDENTITY_REQUEST_STATUSES = ["open", "approved", "rejected"] as const;

/**
 * A provider's request to change its identity in the directory (name, kind, Care Inspectorate
 * number), which only the council changes: a commissioner or administrator approves it (the
 * change applies, as a new version of the entry) or rejects it.
 */
export const providerIdentityRequests = pgTable(
  "provider_identity_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    /** Only the identity fields asked to change, with their new values. */
    requested: jsonb("requested")
      .$type<{ name?: string; kind?: ProviderKind; careInspectorateNumber?: string | null }>()
      .notNull(),
    reason: text("reason").notNull().default(""),
    /** A user's id (no foreign key: users refer to providers; as directory_versions.changed_by). */
    requestedBy: uuid("requested_by").notNull(),
    requestedAt: timestamp("requested_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    status: text("status", { enum: IDENTITY_REQUEST_STATUSES }).notNull().default("open"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { mode: "string", withTimezone: true }),
    note: text("note").notNull().default(""),
  },
  (t) => [index("provider_identity_requests_open_idx").on(t.status, t.requestedAt)],
);
