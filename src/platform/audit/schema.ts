import {
  bigint,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Who read or wrote which personal record, when. A trigger forbids UPDATE and DELETE, and another
 * makes it a hash chain: it sets `seq`, `prevHash` and `hash` (SHA-256 of the previous row's hash
 * and this row's content) whatever the insert says, and refuses a row dated before the last.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    personId: uuid("person_id"),
    outcome: text("outcome", { enum: ["allowed", "denied"] }).notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    /** The row's place in the chain (1, 2, ...), set by the chain trigger. */
    seq: bigint("seq", { mode: "number" }),
    /** The hash of the row before (hex; "" for the first), set by the chain trigger. */
    prevHash: text("prev_hash"),
    /** SHA-256 (hex) of prevHash and this row's content, set by the chain trigger. */
    hash: text("hash"),
  },
  (t) => [
    index("audit_log_person_idx").on(t.personId, t.at),
    uniqueIndex("audit_log_seq_idx").on(t.seq),
  ],
);
