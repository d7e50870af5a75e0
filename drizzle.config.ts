import { defineConfig } from "drizzle-kit";

// One schema, one migration history for PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/schema.ts",
  out: "./drizzle",
});
