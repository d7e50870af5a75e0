import { defineConfig } from "drizzle-kit";

// One schema, one migration history for PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/platform/db/schema.ts",
  out: "./drizzle",
});
