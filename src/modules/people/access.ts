import { type AccessCheck, requireAccess as gate } from "../../platform/authorisation/guard";
import type { Db } from "../../platform/db/client";
import type { Actor } from "../../platform/http/actor";
import { personRelationships } from "./relationship";

/** TRANSITIONAL (issue 12): the gate for routes not yet written with command(). */
export const requireAccess = (db: Db, actor: Actor, check: AccessCheck) =>
  gate({ db, relationships: personRelationships }, actor, check);
