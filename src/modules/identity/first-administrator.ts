import { eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { users } from "./schema";
import { type IssuedLink, issuePasswordLink } from "./set-password-store";

/**
 * A real install's way in: while no administrator has set a password, each start makes (or
 * reuses) the first administrator's account, with no password, and a new one-time link to set
 * it (older links stop working), for the console. Null once an administrator can sign in.
 */
export async function firstAdministratorLink(db: Db, email: string): Promise<IssuedLink | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`); // one start at a time
    const admins = await tx
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.role, "administrator"));
    if (admins.some((a) => a.passwordHash)) return null;
    let id = admins[0]?.id;
    if (!id) {
      const [made] = await tx
        .insert(users)
        .values({ email, displayName: "Administrator", role: "administrator" })
        .returning({ id: users.id });
      id = made?.id;
    }
    if (!id) throw new Error("the first administrator's account could not be made");
    return issuePasswordLink(tx, id, "first-administrator", null);
  });
}
