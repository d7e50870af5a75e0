import { eq } from "drizzle-orm";
import { z } from "zod";
import { type App, type RouteDeps, requireActor } from "../../platform/http/app";
import { isoDate, requiredText } from "../../platform/http/fields";
import { notFound } from "../../platform/http/problem";
import { requireAccess } from "../people/access";
import { lockPerson } from "../people/store";
import { recordPaperSignature } from "./paper-signatures";
import { contracts } from "./schema";
import { contractView } from "./store";

const tags = ["Contracts"];

/**
 * The council records a signature made on a printed copy, for a person or provider who does not
 * use Cairn's sign-in: only the person's allocated worker or their team manager.
 */
export function paperSignatureRoutes(app: App, { db }: RouteDeps) {
  app.post(
    "/api/contracts/:contractId/paper-signatures",
    {
      schema: {
        tags,
        summary: "Record a signature made on a printed copy of the newest version",
        params: z.object({ contractId: z.uuid("That is not a contract's id") }),
        body: z.object({
          party: z.enum(["person", "provider"], "Say whose signature is on the paper"),
          version: z.number("Give the version printed on the paper").int().positive(),
          fingerprint: requiredText("Copy the fingerprint printed on the paper", 64),
          signerName: requiredText("Say who signed the paper copy", 200),
          signedOn: isoDate("The date it was signed"),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const [contract] = await db
        .select()
        .from(contracts)
        .where(eq(contracts.id, request.params.contractId));
      if (!contract) throw notFound("That contract");
      const access = await requireAccess(db, actor, {
        action: "create",
        resource: "contract-paper-signature",
        personId: contract.personId,
      });
      const result = await db.transaction(async (tx) => {
        await lockPerson(tx, contract.personId);
        // The same row lock online signing takes, so the two never race for one party.
        await tx
          .select({ id: contracts.id })
          .from(contracts)
          .where(eq(contracts.id, contract.id))
          .for("update");
        const before = await recordPaperSignature(tx, contract, actor.userId, request.body);
        const { party, version, signedOn } = request.body;
        await access.record(tx, {
          resourceId: before.versionId,
          detail: { party, version, signedOn, method: "paper" },
        });
        return contractView(tx, contract.id);
      });
      return reply.code(201).send({ status: result?.status, waitingFor: result?.waitingFor });
    },
  );
}
