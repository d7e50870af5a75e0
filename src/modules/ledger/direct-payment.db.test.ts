import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";
import { activeContract } from "../../testing/contract";

let cairn: Cairn;
let finance: TestUser;
let person: TestUser;
let provider: TestUser;
let personId: string;
let contractId: string;

beforeAll(async () => {
  cairn = await startTestCairn();
  ({ person, provider, personId, contractId } = await activeContract(cairn, "17.50", "1"));
  finance = await demoUser(cairn, "finance-officer");
});
afterAll(() => cairn.close());

describe("direct payments", () => {
  it("pays the month in, takes the person's simple return, and shows it in their statement", async () => {
    await finance.post("/api/ledger/allocations", { period: "2026-12" });
    const sent = await person.post(`/api/contracts/${contractId}/direct-payment-returns`, {
      period: "2026-12",
      lines: [
        { description: "Wages for my PA", amount: "300.00" },
        { description: "Payroll service", amount: "12.50" },
      ],
    });
    expect(sent.status).toBe(201);
    const [statement] = (await person.get(`/api/people/${personId}/statements/2026-12`)).body
      .statements;
    expect(statement.fund.label).toContain("direct payment account");
    expect(statement.statement.wentOut).toEqual([
      { label: "Wages for my PA", pence: 30_000 },
      { label: "Payroll service", pence: 1_250 },
    ]);
    const byProvider = await provider.post(`/api/contracts/${contractId}/direct-payment-returns`, {
      period: "2027-01",
      lines: [{ description: "x", amount: "1.00" }],
    });
    expect(byProvider.status).toBe(403);
    const bad = await person.post(`/api/contracts/${contractId}/direct-payment-returns`, {
      period: "2027-13",
      lines: [{ description: "", amount: "lots" }],
    });
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "lines.0.amount",
      "lines.0.description",
      "period",
    ]);
  });

  it("reclaims only money above the agreed contingency, by a recorded decision, once a month", async () => {
    const early = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2026-12",
      amount: "10.00",
      reason: "Unspent",
    });
    expect(early.status).toBe(400);
    expect(early.body.errors[0].message).toMatch(/agreed contingency/);
    for (const period of ["2027-01", "2027-02", "2027-03"])
      await finance.post("/api/ledger/allocations", { period });
    const reclaimed = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2027-03",
      amount: "100.00",
      reason: "Agreed at review: money built up while the PA was on leave",
    });
    expect(reclaimed.status).toBe(201);
    const again = await finance.post(`/api/contracts/${contractId}/reclaim`, {
      period: "2027-03",
      amount: "1.00",
      reason: "Again",
    });
    expect(again.status).toBe(409);
    const [march] = (await person.get(`/api/people/${personId}/statements/2027-03`)).body
      .statements;
    expect(march.statement.wentOut).toContainEqual({
      label: "Returned to the council",
      pence: 10_000,
    });
    expect(
      (
        await person.post(`/api/contracts/${contractId}/reclaim`, {
          period: "2027-03",
          amount: "1.00",
          reason: "x",
        })
      ).status,
    ).toBe(403);
  });
});
