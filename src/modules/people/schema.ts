import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/schema";
import { localities } from "../organisation/schema";
import { AUTHORITIES } from "./replies";

/** The council's localities and teams live in organisation/; kept here for their importers. */

/** The person the council supports (or might): the subject of every personal record. */
export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    /** Community Health Index number, when known: the NHS Scotland identifier. */
    chi: text("chi").unique(),
    localityId: uuid("locality_id")
      .notNull()
      .references(() => localities.id),
    /** The social worker holding the case (the caseload relationship). */
    allocatedWorkerId: uuid("allocated_worker_id").references(() => users.id),
    /** The person's own sign-in, once they have one. */
    userId: uuid("user_id")
      .unique()
      .references(() => users.id),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (t) => [
    index("people_allocated_worker_idx").on(t.allocatedWorkerId),
    index("people_birth_date_idx").on(t.dateOfBirth),
  ],
);

/** A carer, family member or proxy who acts with or for a person, within a stated authority. */
export const representatives = pgTable(
  "representatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    relationship: text("relationship").notNull(),
    authority: text("authority", { enum: AUTHORITIES }).notNull(),
    createdAt: timestamp("created_at", { mode: "string", withTimezone: true })
      .notNull()
      .defaultNow(),
    /**
     * Set when a worker or administrator ends the authority (kept, never deleted): from that
     * moment the representative stands in no relation to the person (people/relationship.ts).
     */
    endedAt: timestamp("ended_at", { mode: "string", withTimezone: true }),
    /** The date the authority ended, as the worker recorded it (it may be earlier than endedAt). */
    endedOn: date("ended_on", { mode: "string" }),
    endedBy: uuid("ended_by").references(() => users.id),
    endReason: text("end_reason"),
  },
  (t) => [
    check(
      "representatives_ended_whole",
      sql`(${t.endedAt} is null) = (${t.endedOn} is null) and (${t.endedAt} is null) = (${t.endedBy} is null) and (${t.endedAt} is null) = (${t.endReason} is null)`,
    ),
    index("representatives_person_idx").on(t.personId),
    index("representatives_user_idx").on(t.userId),
  ],
);
