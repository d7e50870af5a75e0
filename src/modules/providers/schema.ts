import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { localities } from "../people/schema";

/** Kinds of provider named in the statutory guidance on SDS (seed 000, 10.3). */
export const PROVIDER_KINDS = [
  "in-house",
  "arms-length-company",
  "voluntary",
  "private",
  "social-enterprise",
  "micro-provider",
  "user-led",
  "employee-owned",
  "independent-support-organisation",
  "personal-assistant",
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const providers = pgTable("providers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: text("kind", { enum: PROVIDER_KINDS }).notNull(),
  /** Care Inspectorate service number (CSNumber), where the service is registered. */
  careInspectorateNumber: text("care_inspectorate_number").unique(),
  serviceType: text("service_type").notNull(),
  town: text("town"),
  postcode: text("postcode"),
  /** Lowest key-question grade at the latest inspection (1-6), if graded. */
  minGrade: integer("min_grade"),
  summary: text("summary").notNull().default(""),
  createdAt: timestamp("created_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});

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
