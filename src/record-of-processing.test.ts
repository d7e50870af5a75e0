import { readFileSync } from "node:fs";
import { getTableName, is } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "./schema";

// docs/record-of-processing.md says what personal data each table holds, why, who sees it and
// for how long. A table added without a row there fails here.

const doc = readFileSync(new URL("../docs/record-of-processing.md", import.meta.url), "utf8");
const tables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => getTableName(table as PgTable))
  .sort();
// Each row of the document's tables starts with the table's name in backticks.
const named = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1] as string).sort();

describe("the record of processing", () => {
  it("names every table in the schema", () => {
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !named.includes(t))).toEqual([]);
  });

  it("names no table the schema does not have, and each once", () => {
    expect(named.filter((t) => !tables.includes(t))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });
});
