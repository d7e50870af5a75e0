import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { budgetSetPerson, type Planner, serviceLine, signedPlan } from "../../testing/agreements";
import { startTestCairn, type TestUser } from "../../testing/api";

// A provider supports a person through an agreement naming it, even with no request made to it.

let cairn: Cairn;
let p: Planner;
let named: TestUser;
let other: TestUser;
let namedId: string;

beforeAll(async () => {
  cairn = await startTestCairn();
  p = await budgetSetPerson(cairn);
  const [first, second] = [...p.staff.entries()];
  if (!first || !second) throw new Error("the demo has fewer than two staffed providers");
  [namedId, named] = first;
  other = second[1];
});
afterAll(() => cairn.close());

const listed = async (as: TestUser) =>
  (await as.get("/api/people")).body.people.map((x: { id: string }) => x.id) as string[];

describe("a provider named in an agreement made without a request", () => {
  it("reads the record and lists the person while the agreement awaits its signature", async () => {
    const [contract] = await signedPlan(p, [serviceLine("2", namedId, "Help at home")], false);
    expect(contract?.providerId).toBe(namedId);
    expect((await named.get(`/api/people/${p.personId}`)).status).toBe(200);
    expect(await listed(named)).toContain(p.personId);
    const mine = await named.get(`/api/people/${p.personId}/contracts`);
    expect(mine.status).toBe(200);
    expect(mine.body.contracts.map((c: { id: string }) => c.id)).toEqual([contract?.id]);
    expect(mine.body.contracts[0].waitingFor).toContain("provider");
  });

  it("once the agreement is in force, still reads and lists the person, and sends a return", async () => {
    await signedPlan(p, [serviceLine("2", namedId, "Help at home")]);
    expect((await named.get(`/api/people/${p.personId}`)).status).toBe(200);
    expect(await listed(named)).toContain(p.personId);
    const [contract] = (await named.get(`/api/people/${p.personId}/contracts`)).body.contracts;
    expect(contract.status).toBe("active");
    const sent = await named.post(`/api/contracts/${contract.id}/returns`, {
      period: "2026-11",
      lines: [
        {
          kind: "support",
          description: "Help at home",
          plannedHours: "8",
          deliveredHours: "8",
          plannedVisits: 4,
          deliveredVisits: 4,
        },
      ],
    });
    expect(sent.status).toBe(201);
  });

  it("gives a provider not named neither the record nor the person in its list", async () => {
    expect((await other.get(`/api/people/${p.personId}`)).status).toBe(403);
    expect((await other.get(`/api/people/${p.personId}/contracts`)).status).toBe(403);
    expect(await listed(other)).not.toContain(p.personId);
  });
});
