import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../platform/http/actor";
import type { Cairn } from "../../server";
import { startTestCairn } from "../../testing/api";
import { assessmentSignOffReallocations, assessments } from "../assessment/schema";
import { users } from "../identity/schema";
import { personRelationships } from "./relationship";
import { people } from "./schema";

let cairn: Cairn;
beforeAll(async () => {
  cairn = await startTestCairn();
});
afterAll(() => cairn.close());

/** Every demo account as the actor its session gives (the person's own record for self). */
async function everyActor(): Promise<Actor[]> {
  const { db } = cairn.database;
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      teamId: users.teamId,
      providerId: users.providerId,
      personId: people.id,
    })
    .from(users)
    .leftJoin(people, eq(people.userId, users.id));
  return rows;
}

describe("one relationship resolver", () => {
  it("lists exactly the people the single-person form relates each actor to", async () => {
    const { db } = cairn.database;
    // A manager named to sign off another team's assessment stands as named-reviewer to that person.
    const [submitted] = await db
      .select({ id: assessments.id, personId: assessments.personId })
      .from(assessments)
      .where(eq(assessments.status, "submitted"))
      .limit(1);
    const actors = await everyActor();
    const outsider = actors.find((a) => a.role === "team-manager" && a.teamId);
    const admin = actors.find((a) => a.role === "administrator");
    if (submitted && outsider && admin) {
      await db.insert(assessmentSignOffReallocations).values({
        assessmentId: submitted.id,
        managerId: outsider.userId,
        reason: "test",
        reallocatedBy: admin.userId,
      });
    }
    const everyone = (await db.select({ id: people.id }).from(people)).map((p) => p.id);
    const seen = new Set<string>();
    for (const actor of actors) {
      const listed = await db
        .select({ id: people.id })
        .from(people)
        .where(inArray(people.id, personRelationships.personIds(actor)));
      const related: string[] = [];
      for (const personId of everyone) {
        const relationship = await personRelationships.to(db, actor, personId);
        if (relationship !== "none") related.push(personId);
        seen.add(`${actor.role}:${relationship}`);
      }
      expect(listed.map((p) => p.id).sort(), `${actor.role} ${actor.email}`).toEqual(
        related.sort(),
      );
    }
    // The demo exercises every relationship a person can be in, so the comparison means something.
    for (const kind of [
      "supported-person:self",
      "representative:representative",
      "social-worker:allocated-worker",
      "team-manager:team-manager",
      "provider-staff:supporting-provider",
      ...(submitted ? ["team-manager:named-reviewer"] : []),
    ]) {
      expect(seen, kind).toContain(kind);
    }
  });

  it("narrows the listing to the relationships asked for", async () => {
    const actors = await everyActor();
    const manager = actors.find((a) => a.role === "team-manager" && a.teamId) as Actor;
    const { db } = cairn.database;
    const count = async (which?: (r: string) => boolean) =>
      (
        await db
          .select({ id: people.id })
          .from(people)
          .where(inArray(people.id, personRelationships.personIds(manager, which)))
      ).length;
    expect(await count((r) => r === "self")).toBe(0);
    expect(await count((r) => r === "team-manager")).toBeGreaterThan(0);
    expect(await count((r) => r === "team-manager")).toBeLessThanOrEqual(await count());
  });

  it("is a 404 problem for a person who does not exist", async () => {
    const [actor] = await everyActor();
    await expect(
      personRelationships.to(
        cairn.database.db,
        actor as Actor,
        "00000000-0000-4000-8000-000000000000",
      ),
    ).rejects.toMatchObject({ status: 404 });
  });
});
