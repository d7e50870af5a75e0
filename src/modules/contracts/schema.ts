import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../identity/schema";
import { people } from "../people/schema";
import { planVersions } from "../plans/schema";
import { providers } from "../providers/schema";
import type { ContractDocument, ContractTemplate } from "./template";
import { CONTRACT_KINDS, type ContractTerms, PARTIES, RETURN_FREQUENCIES } from "./terms";

const at = (name: string) =>
  timestamp(name, { mode: "string", withTimezone: true }).notNull().defaultNow();

/** Append-only: each version of a council's template for a kind; the newest is in use. */
export const contractTemplates = pgTable("contract_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind", { enum: CONTRACT_KINDS }).notNull(),
  template: jsonb("template").$type<ContractTemplate>().notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: at("created_at"),
});

/** One agreement about a person's support: a kind, and the provider for those that have one. */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind", { enum: CONTRACT_KINDS }).notNull(),
    providerId: uuid("provider_id").references(() => providers.id),
    /** kind and provider: one contract for each, whatever changes in its versions. */
    key: text("key").notNull(),
    createdAt: at("created_at"),
  },
  (t) => [uniqueIndex("contracts_person_key_idx").on(t.personId, t.key)],
);

/** Append-only: each version of a contract, the exact document and its hash. */
export const contractVersions = pgTable(
  "contract_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id),
    version: integer("version").notNull(),
    terms: jsonb("terms").$type<ContractTerms>().notNull(),
    document: jsonb("document").$type<ContractDocument>().notNull(),
    documentHash: text("document_hash").notNull(),
    changeSummary: text("change_summary").array().notNull(),
    planVersionId: uuid("plan_version_id")
      .notNull()
      .references(() => planVersions.id),
    templateId: uuid("template_id").references(() => contractTemplates.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at"),
  },
  (t) => [uniqueIndex("contract_versions_contract_version_idx").on(t.contractId, t.version)],
);

/** How a signature was made: in Cairn by the signer, or on a printed copy the council recorded. */
export const SIGNATURE_METHODS = ["online", "paper"] as const;

/**
 * Append-only: a party's acceptance of one version: who, when, and the hash of what they read.
 * On paper, signed_by is the officer who recorded it, signer_name who signed the printed copy,
 * and signed_on the date written on it.
 */
export const contractSignatures = pgTable(
  "contract_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractVersionId: uuid("contract_version_id")
      .notNull()
      .references(() => contractVersions.id),
    party: text("party", { enum: PARTIES }).notNull(),
    signedBy: uuid("signed_by")
      .notNull()
      .references(() => users.id),
    signerName: text("signer_name").notNull(),
    documentHash: text("document_hash").notNull(),
    signedAt: at("signed_at"),
    method: text("method", { enum: SIGNATURE_METHODS }).notNull().default("online"),
    signedOn: date("signed_on", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("contract_signatures_version_party_idx").on(t.contractVersionId, t.party),
    // A paper signature carries the date written on it; an online one is dated by signed_at.
    check(
      "contract_signatures_method",
      sql`(${t.method} = 'online' and ${t.signedOn} is null) or (${t.method} = 'paper' and ${t.signedOn} is not null)`,
    ),
  ],
);

/** Questions a party asks before signing, and their answers. */
export const contractQuestions = pgTable("contract_questions", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id")
    .notNull()
    .references(() => contracts.id),
  question: text("question").notNull(),
  askedBy: uuid("asked_by")
    .notNull()
    .references(() => users.id),
  askedAt: at("asked_at"),
  answer: text("answer"),
  answeredBy: uuid("answered_by").references(() => users.id),
  answeredAt: timestamp("answered_at", { mode: "string", withTimezone: true }),
});

/** A provider's request to renegotiate the rate, with how the rate is built up; tracked. */
export const rateRequests = pgTable("rate_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  contractId: uuid("contract_id")
    .notNull()
    .references(() => contracts.id),
  proposedRatePence: bigint("proposed_rate_pence", { mode: "number" }).notNull(),
  buildUp: jsonb("build_up").$type<{ component: string; pence: number }[]>().notNull(),
  reason: text("reason").notNull(),
  status: text("status", { enum: ["open", "agreed", "declined"] })
    .notNull()
    .default("open"),
  raisedBy: uuid("raised_by")
    .notNull()
    .references(() => users.id),
  raisedAt: at("raised_at"),
  decidedBy: uuid("decided_by").references(() => users.id),
  decidedAt: timestamp("decided_at", { mode: "string", withTimezone: true }),
  decisionNote: text("decision_note"),
});

/**
 * The council's defaults for new agreements (one row). How often a direct payment return is due
 * is written into each agreement's terms when it is made, so monitoring follows what was signed.
 */
export const councilSettings = pgTable(
  "council_settings",
  {
    id: boolean("id").primaryKey().default(true),
    directPaymentReturnsEvery: text("direct_payment_returns_every", {
      enum: RETURN_FREQUENCIES,
    })
      .notNull()
      .default("quarter"),
    /**
     * Whether people and providers see a plain-language financial health rating of the
     * providers they compare (never the reasons, which are for council staff): off by default.
     */
    publishHealthRating: boolean("publish_health_rating").notNull().default(false),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: at("updated_at"),
  },
  (t) => [check("council_settings_one_row", sql`${t.id}`)],
);
