import { eq, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";
import type { Actor } from "../http/actor";
import { notFound } from "../http/problem";
import type { Relationship } from "./policy";

/**
 * How an actor may stand to a person: conditions on one person row, most specific first.
 * The module that owns the tables writes them once (people/relationship-rules.ts); the single
 * person and the listing forms below are both derived from them, so they cannot drift apart.
 */
export type RelationshipRules = (actor: Actor) => ReadonlyArray<readonly [Relationship, SQL]>;

export interface Relationships {
  /** How the actor stands to one person; a 404 problem when there is no such person. */
  to(db: Pick<Db, "select">, actor: Actor, personId: string): Promise<Relationship>;
  /**
   * The ids of the people the actor stands in a relationship to, of those `which` accepts
   * (default: any), as a subquery for `inArray(table.personId, ...)`.
   */
  personIds(actor: Actor, which?: (relationship: Relationship) => boolean): SQL;
  /** Serialises changes to one person's journey: the first statement in a transaction. */
  lock(tx: Pick<Db, "select">, personId: string): Promise<void>;
}

/** The resolver over `table` (the people), whose `id` column identifies the person. */
export function relationships(
  rules: RelationshipRules,
  table: PgTable,
  id: PgColumn,
): Relationships {
  const scope = (actor: Actor, which: (r: Relationship) => boolean = () => true) => {
    const cases = rules(actor).filter(([name]) => which(name));
    return cases.length ? (or(...cases.map(([, holds]) => holds)) as SQL) : sql`false`;
  };
  return {
    async to(db, actor, personId) {
      const cases = rules(actor);
      const which = cases.length
        ? sql.join(
            [
              sql`case`,
              ...cases.map(([name, holds]) => sql`when ${holds} then ${name}`),
              sql`else 'none' end`,
            ],
            sql` `,
          )
        : sql`'none'`;
      const [row] = await db
        .select({ relationship: sql<Relationship>`${which}` })
        .from(table)
        .where(eq(id, personId));
      if (!row) throw notFound("That person");
      return row.relationship;
    },
    async lock(tx, personId) {
      await tx.select({ id }).from(table).where(eq(id, personId)).for("update");
    },
    personIds: (actor, which) => sql`(select ${id} from ${table} where ${scope(actor, which)})`,
  };
}
