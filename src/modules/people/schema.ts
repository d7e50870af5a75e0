import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  },
  (t) => [
    index("representatives_person_idx").on(t.personId),
    index("representatives_user_idx").on(t.userId),
  ],
);
