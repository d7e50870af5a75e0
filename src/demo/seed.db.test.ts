import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementsInForce } from "../modules/contracts/in-force";
import { summarisePeople } from "../modules/people/store";
import { createTestDatabase } from "../platform/db/testing";
import { assembleCairn, type Cairn } from "../server";
import { demoUser, TestUser } from "../testing/api";
import { seedDemoOnce } from "./seed";

// The demo's routes exist only in a demo start: the demo is loaded, then Cairn started on it.
let loaded: Cairn;
let firstLoad: boolean;
beforeAll(async () => {
  const database = await createTestDatabase();
  firstLoad = await seedDemoOnce(database.db);
  loaded = await assembleCairn(database, { demo: true, secureCookies: false });
});
afterAll(() => loaded.close());

const count = async (cairn: Cairn, table: string) =>
  Number((await cairn.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);

describe("demo data", () => {
  it("is absent unless asked for, and so is the sign-in picker", async () => {
    const plain = await assembleCairn(await createTestDatabase(), {
      demo: false,
      secureCookies: false,
    });
    expect(await count(plain, "people")).toBe(0);
    expect((await new TestUser(plain).get("/api/demo/accounts")).status).toBe(404);
    await plain.close();
  });

  it("loads once: people at every stage, every role, providers of several kinds", async () => {
    expect(firstLoad).toBe(true);
    const people = await count(loaded, "people");
    expect(await seedDemoOnce(loaded.database.db)).toBe(false);
    expect(await count(loaded, "people")).toBe(people);
    const { body } = await new TestUser(loaded).get("/api/demo/accounts");
    const roles = new Set(body.accounts.map((a: { role: string }) => a.role));
    expect(roles.size).toBe(8);
    const kinds = await loaded.database.query<{ kind: string }>(
      "select distinct kind from providers",
    );
    expect(kinds.length).toBeGreaterThanOrEqual(5);
    const localities = await count(loaded, "localities");
    expect(localities).toBe(7);
    const commissioner = await demoUser(loaded, "commissioner");
    const { body: summary } = await commissioner.get("/api/reports/summary");
    expect(Object.values(summary.peopleByStage).every((n) => Number(n) > 0)).toBe(true);
  });

  it("gives people with support in place an approved plan, a signed agreement and money", async () => {
    expect(await count(loaded, "plan_decisions")).toBeGreaterThan(0);
    expect(await count(loaded, "contract_signatures")).toBeGreaterThan(0);
    expect(await count(loaded, "provider_returns")).toBeGreaterThan(0);
    const [total] = await loaded.database.query<{ sum: string }>(
      "select coalesce(sum(pence), 0) as sum from ledger_entries",
    );
    expect(await count(loaded, "ledger_entries")).toBeGreaterThan(0);
    expect(Number(total?.sum)).toBe(0);
  });

  it("has an agreement in force for every person whose support is active, paper or online", async () => {
    const db = loaded.database.db;
    const active = (await summarisePeople(db, undefined))
      .filter((p) => p.stage === "active")
      .map((p) => p.id);
    expect(active.length).toBeGreaterThan(0);
    const inForce = new Set((await agreementsInForce(db, active)).map((a) => a.personId));
    expect(active.filter((id) => !inForce.has(id))).toEqual([]);
    // Parties without a sign-in signed on paper, recorded by the allocated worker.
    const [paper] = await loaded.database.query<{ n: string; officers: string }>(
      `select count(*) as n, count(*) filter (where s.signed_by = p.allocated_worker_id) as officers
       from contract_signatures s join contract_versions v on v.id = s.contract_version_id
       join contracts c on c.id = v.contract_id join people p on p.id = c.person_id
       where s.method = 'paper'`,
    );
    expect(Number(paper?.n)).toBeGreaterThan(0);
    expect(paper?.officers).toBe(paper?.n);
  });
});
