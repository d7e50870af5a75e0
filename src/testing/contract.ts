import type { Cairn } from "../server";
import { demoUser, TestUser } from "./api";

/**
 * A demo person with a budget, an approved plan of one support, and its contract signed by every
 * party: an Option 2 support from the demo provider staff's own provider (a three-way contract),
 * or an Option 1 personal assistant (a direct payment agreement). Money can flow.
 */
export async function activeContract(
  cairn: Cairn,
  rate = "25.10",
  option: "1" | "2" = "2",
  /** Called before each signature, to look at the contract part-signed. */
  beforeSigning?: (party: string, contractId: string) => Promise<void>,
) {
  const { body } = await new TestUser(cairn).get("/api/demo/accounts");
  for (const account of body.accounts.filter(
    (a: { role: string }) => a.role === "supported-person",
  )) {
    const person = new TestUser(cairn);
    await person.signIn(account.email);
    const own = (await person.get("/api/people")).body.people.find(
      (p: { stage: string }) => p.stage === "budget-set",
    );
    if (!own) continue;
    const record = (await person.get(`/api/people/${own.id}`)).body;
    const worker = new TestUser(cairn);
    const workerAccount = body.accounts.find(
      (a: { displayName: string }) => a.displayName === record.allocatedWorker.displayName,
    );
    await worker.signIn(workerAccount.email);
    const provider = await demoUser(cairn, "provider-staff");
    const providerId = (await provider.get("/api/session")).body.user.providerId;
    const put = await worker.send("PUT", `/api/people/${own.id}/plan`, {
      changeSummary: "Plan for the contract",
      lines: [
        option === "2"
          ? {
              outcomeId: record.assessment.outcomes[0].id,
              kind: "provider-service",
              description: "Help to get to the allotment",
              option: "2",
              providerId,
              cost: { type: "hourly", hoursPerWeek: "6", hourlyRate: rate },
            }
          : {
              outcomeId: record.assessment.outcomes[0].id,
              kind: "personal-assistant",
              description: "A personal assistant for the allotment",
              option: "1",
              cost: { type: "hourly", hoursPerWeek: "6", hourlyRate: rate },
            },
      ],
    });
    if (put.status !== 201) throw new Error(`plan: ${JSON.stringify(put.body)}`);
    await worker.post(`/api/people/${own.id}/plan/decision`, { decision: "approved" });
    await worker.post(`/api/people/${own.id}/contracts`, {});
    const [contract] = (await worker.get(`/api/people/${own.id}/contracts`)).body.contracts;
    const signers = [
      [person, "person"],
      [provider, "provider"],
      [worker, "council"],
    ] as const;
    for (const [as, party] of signers.filter(([, p]) => option === "2" || p !== "provider")) {
      await beforeSigning?.(party, contract.id);
      const signed = await as.post(`/api/contracts/${contract.id}/signatures`, {
        party,
        version: contract.version,
        documentHash: contract.documentHash,
      });
      if (signed.status !== 201) throw new Error(`signing: ${JSON.stringify(signed.body)}`);
    }
    return {
      person,
      worker,
      provider,
      personId: own.id as string,
      contractId: contract.id as string,
    };
  }
  throw new Error("the demo has no supported person with a budget set");
}
