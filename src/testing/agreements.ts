import type { Cairn } from "../server";
import { TestUser } from "./api";

// Agreements made straight from a plan (no provider request), signed through the API by each party.

interface Account {
  email: string;
  role: string;
  displayName: string;
}

export interface Planner {
  /** Who signs for the person: the person, or their attorney. */
  signer: TestUser;
  worker: TestUser;
  personId: string;
  outcomeId: string;
  /** Every demo provider with staff, and a signed-in member of its staff. */
  staff: Map<string, TestUser>;
}

const signIn = async (cairn: Cairn, email: string) => {
  const user = new TestUser(cairn);
  await user.signIn(email);
  return user;
};

/** The nth demo person at "budget-set" who (or whose attorney) can sign, with their worker. */
export async function budgetSetPerson(cairn: Cairn, nth = 0): Promise<Planner> {
  const accounts: Account[] = (await new TestUser(cairn).get("/api/demo/accounts")).body.accounts;
  const found: { signer: TestUser; personId: string }[] = [];
  for (const a of accounts.filter((a) => ["supported-person", "representative"].includes(a.role))) {
    const signer = await signIn(cairn, a.email);
    const own = (await signer.get("/api/people")).body.people.find(
      (p: { stage: string }) => p.stage === "budget-set",
    );
    if (own) found.push({ signer, personId: own.id });
  }
  const pick = found[nth];
  if (!pick) throw new Error(`the demo has no ${nth + 1}th signing person at budget-set`);
  const record = (await pick.signer.get(`/api/people/${pick.personId}`)).body;
  const workerAccount = accounts.find(
    (a) => a.displayName === record.allocatedWorker.displayName,
  ) as Account;
  const staff = new Map<string, TestUser>();
  for (const a of accounts.filter((a) => a.role === "provider-staff")) {
    const user = await signIn(cairn, a.email);
    staff.set((await user.get("/api/session")).body.user.providerId, user);
  }
  return {
    ...pick,
    worker: await signIn(cairn, workerAccount.email),
    outcomeId: record.assessment.outcomes[0].id,
    staff,
  };
}

/** Puts and approves a plan of these lines, makes its agreements and has every party sign them. */
export async function signedPlan(p: Planner, lines: object[], sign = true) {
  const put = await p.worker.send("PUT", `/api/people/${p.personId}/plan`, {
    changeSummary: "Plan for the agreements",
    lines: lines.map((l) => ({ outcomeId: p.outcomeId, ...l })),
  });
  if (put.status !== 201) throw new Error(`plan: ${JSON.stringify(put.body)}`);
  await p.worker.post(`/api/people/${p.personId}/plan/decision`, { decision: "approved" });
  await p.worker.post(`/api/people/${p.personId}/contracts`, {});
  const { contracts } = (await p.worker.get(`/api/people/${p.personId}/contracts`)).body;
  if (!sign) return contracts as { id: string; providerId: string | null }[];
  for (const c of contracts) {
    for (const party of c.waitingFor as string[]) {
      const as =
        party === "person" ? p.signer : party === "council" ? p.worker : p.staff.get(c.providerId);
      const signed = await as?.post(`/api/contracts/${c.id}/signatures`, {
        party,
        version: c.version,
        documentHash: c.documentHash,
      });
      if (signed?.status !== 201) throw new Error(`signing: ${JSON.stringify(signed?.body)}`);
    }
  }
  return contracts as { id: string; providerId: string | null }[];
}

/** Plan lines: an Option 1 personal assistant, and a provider's service under Option 2 or 3. */
export const paLine = {
  kind: "personal-assistant",
  description: "A personal assistant for the allotment",
  option: "1",
  cost: { type: "hourly", hoursPerWeek: "2", hourlyRate: "15.00" },
};
export const serviceLine = (option: "2" | "3", providerId: string, description: string) => ({
  kind: "provider-service",
  description,
  option,
  providerId,
  cost: { type: "hourly", hoursPerWeek: "2", hourlyRate: "24.00" },
});
