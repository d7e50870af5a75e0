import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Facts about this installation, such as when demo data was loaded. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  setAt: timestamp("set_at", { mode: "string", withTimezone: true }).notNull().defaultNow(),
});
