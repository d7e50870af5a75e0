import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import type { FieldError } from "../../platform/http/problem";
import { Problem } from "../../platform/http/problem";
import { type RegisteredService, readDatastore } from "./care-inspectorate";
import { careInspectorateGradings, careInspectorateImports } from "./schema";

const BATCH = 1000;
const ERRORS_SHOWN = 200;

/** Adds the gradings not already held; returns how many were new. */
async function addGradings(tx: Db, importId: string, services: RegisteredService[]) {
  if (services.length === 0) return 0;
  const rows = await tx
    .insert(careInspectorateGradings)
    .values(
      services.map((s) => ({
        csNumber: s.csNumber,
        serviceName: s.serviceName,
        providerName: s.providerName,
        careService: s.careService,
        councilArea: s.councilArea,
        status: s.status,
        registeredPlaces: s.registeredPlaces,
        gradedOn: s.gradedOn ?? "",
        minGrade: s.minGrade,
        grades: s.grades,
        importId,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: careInspectorateGradings.id });
  return rows.length;
}

/** Brings the grades of the council's registered providers up to the latest held. */
async function matchProviders(tx: Db) {
  const matched = await tx.execute(sql`
    update providers p set min_grade = latest.min_grade
    from (select distinct on (cs_number) cs_number, min_grade from care_inspectorate_gradings
          order by cs_number, graded_on desc) latest
    where p.care_inspectorate_number = latest.cs_number
    returning p.id`);
  return (matched as unknown as { rows: unknown[] }).rows.length;
}

/**
 * Imports a datastore file as it streams in, a batch at a time, all in one transaction: any
 * row that cannot be read rolls the whole import back, with every bad line reported.
 */
export async function importDatastore(
  tx: Db,
  text: AsyncIterable<string>,
  meta: { fileName: string; importedBy: string },
) {
  const [record] = await tx
    .insert(careInspectorateImports)
    .values({ ...meta, rows: 0, added: 0 })
    .returning({ id: careInspectorateImports.id });
  const importId = (record as { id: string }).id;
  const errors: FieldError[] = [];
  let errorCount = 0;
  let rows = 0;
  let added = 0;
  let batch: RegisteredService[] = [];
  for await (const item of readDatastore(text)) {
    if (item.error !== undefined) {
      errorCount++;
      if (errors.length < ERRORS_SHOWN)
        errors.push({ path: `line.${item.line}`, message: item.error });
      continue;
    }
    rows++;
    if (errorCount > 0) continue; // nothing will be kept: read on only to report every bad line
    batch.push(item.service);
    if (batch.length === BATCH) {
      added += await addGradings(tx, importId, batch);
      batch = [];
    }
  }
  if (rows === 0 && errorCount === 0) {
    errorCount = 1;
    errors.push({ path: "line.2", message: "The file has a header but no rows" });
  }
  if (errorCount > 0) {
    throw new Problem(
      400,
      "Rows that cannot be read",
      `${errorCount} row(s) cannot be read, so nothing was imported. Correct them and import the file again.`,
      errors,
    );
  }
  added += await addGradings(tx, importId, batch);
  await tx
    .update(careInspectorateImports)
    .set({ rows, added })
    .where(eq(careInspectorateImports.id, importId));
  return {
    importId,
    rows,
    added,
    unchanged: rows - added,
    matchedProviders: await matchProviders(tx),
  };
}
