import { asc, eq } from "drizzle-orm";
import type { Role } from "../../platform/authorisation/roles";
import type { Db } from "../../platform/db/client";
import { conflict, invalid } from "../../platform/http/problem";
import { teams } from "../organisation/schema";
import { providers } from "../providers/schema";
import { users } from "./schema";

export interface NewStaff {
  email: string;
  displayName: string;
  role: Role;
  teamId?: string;
  providerId?: string;
}

/**
 * A member of staff's account, made by an administrator, with no password until its owner sets
 * one with the link they are given; returns the new account's id.
 */
export async function createStaffAccount(tx: Db, staff: NewStaff): Promise<string> {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, staff.email));
  if (taken)
    throw conflict("That email already has an account.", [
      { path: "email", message: "This email already has an account" },
    ]);
  if (staff.teamId) {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, staff.teamId));
    if (!team) throw invalid([{ path: "teamId", message: "Choose one of the council's teams" }]);
  }
  if (staff.providerId) {
    const [provider] = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(eq(providers.id, staff.providerId));
    if (!provider) throw invalid([{ path: "providerId", message: "Choose a provider" }]);
  }
  const [made] = await tx
    .insert(users)
    .values({
      email: staff.email,
      displayName: staff.displayName,
      role: staff.role,
      teamId: staff.teamId ?? null,
      providerId: staff.providerId ?? null,
    })
    .returning({ id: users.id });
  if (!made) throw new Error("the account could not be made");
  return made.id;
}

/** The council's teams, by name (for placing social workers and managers). */
export function allTeams(db: Db) {
  return db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
}
