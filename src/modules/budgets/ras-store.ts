import { and, desc, eq, lte, max } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { notFound, Problem } from "../../platform/http/problem";
import { rasVersions } from "./schema";

/** The published RAS in force on a day: the latest effective on or before it. */
export async function rasInForce(db: Db, day = new Date().toISOString().slice(0, 10)) {
  const [row] = await db
    .select()
    .from(rasVersions)
    .where(and(eq(rasVersions.status, "published"), lte(rasVersions.effectiveFrom, day)))
    .orderBy(desc(rasVersions.effectiveFrom), desc(rasVersions.version))
    .limit(1);
  return row ?? null;
}

/** Every RAS version, newest first. */
export function rasVersionList(db: Db) {
  return db
    .select({
      id: rasVersions.id,
      version: rasVersions.version,
      name: rasVersions.name,
      status: rasVersions.status,
      effectiveFrom: rasVersions.effectiveFrom,
      publishedAt: rasVersions.publishedAt,
    })
    .from(rasVersions)
    .orderBy(desc(rasVersions.version));
}

/** A RAS version, or a 404 problem; `lock` holds its row for the transaction. */
export async function findRasVersion(db: Db, id: string, lock = false) {
  const query = db.select().from(rasVersions).where(eq(rasVersions.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("That RAS version");
  return row;
}

/** A new draft, numbered after the latest version. */
export async function draftRasVersion(
  tx: Db,
  draft: Pick<typeof rasVersions.$inferInsert, "name" | "effectiveFrom" | "definition">,
  createdBy: string,
) {
  const [{ latest } = { latest: 0 }] = await tx
    .select({ latest: max(rasVersions.version) })
    .from(rasVersions);
  const [created] = await tx
    .insert(rasVersions)
    .values({ ...draft, version: (latest ?? 0) + 1, createdBy })
    .returning({ id: rasVersions.id, version: rasVersions.version });
  if (!created) throw new Problem(500, "Not saved", "The RAS version could not be saved.");
  return created;
}

/** Publishes a draft: from then on it never changes. */
export async function publishRasVersion(tx: Db, id: string, publishedBy: string) {
  await tx
    .update(rasVersions)
    .set({ status: "published", publishedBy, publishedAt: new Date().toISOString() })
    .where(eq(rasVersions.id, id));
}
