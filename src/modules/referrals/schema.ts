import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/schema";
import { people } from "../people/schema";

export const REFERRAL_SOURCES = [
  "self",
  "family-or-carer",
  "gp",
  "hospital-discharge",
  "other-professional",
] as const;
export const URGENCIES = ["routine", "soon", "urgent"] as const;

export const referrals = pgTable(
  "referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    source: text("source", { enum: REFERRAL_SOURCES }).notNull(),
    urgency: text("urgency", { enum: URGENCIES }).notNull(),
    reason: text("reason").notNull(),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [index("referrals_person_idx").on(t.personId)],
);
