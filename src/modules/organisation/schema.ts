import { pgTable, text, uuid } from "drizzle-orm/pg-core";

// The council's own organisation: where it works and the teams that work there. It imports no
// other module's tables, so every schema that needs it (providers, identity, people) points one
// way: organisation <- providers <- identity <- people.

export const localities = pgTable("localities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
});

export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  localityId: uuid("locality_id").references(() => localities.id),
});
