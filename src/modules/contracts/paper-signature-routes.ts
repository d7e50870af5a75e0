import { z } from "zod";
import type { App, RouteDeps } from "../../platform/http/app";
import { command } from "../../platform/http/command";
import { isoDate, requiredText } from "../../platform/http/fields";
import { findContract } from "./contract-store";
import { signOnPaper } from "./paper-signatures";
import { Signed } from "./replies";

const tags = ["Contracts"];

/**
 * The council records a signature made on a printed copy, for a person or provider who does not
 * use Cairn's sign-in: only the person's allocated worker or their team manager.
 */
export function paperSignatureRoutes(app: App, deps: RouteDeps) {
  command(app, deps, {
    method: "POST",
    url: "/api/contracts/:contractId/paper-signatures",
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
      response: { 201: Signed },
    },
    access: { action: "create", resource: "contract-paper-signature" },
    find: ({ db, params }) => findContract(db, params.contractId),
    lock: true,
    status: 201,
    run: async ({ db, found, body, actor, audit }) => {
      const { signed, after } = await signOnPaper(db, found, actor.userId, body);
      const { party, version, signedOn } = body;
      audit({
        resourceId: signed.versionId,
        detail: { party, version, signedOn, method: "paper" },
      });
      return { status: after.status, waitingFor: after.waitingFor };
    },
  });
}
