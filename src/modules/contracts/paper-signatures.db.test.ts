import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, TestUser } from "../../testing/api";

// A person who reads the printed agreement and signs it on paper: the worker records it.

let cairn: Cairn;
let person: TestUser;
let worker: TestUser;
let workerName: string;
let providerStaff: TestUser;
let personId: string;

interface Signature {
  party: string;
  signerName: string;
  method: string;
  signedOn: string | null;
  recordedBy: string | null;
  said: string;
}
interface View {
  id: string;
  kind: string;
  version: number;
  documentHash: string;
  status: string;
  waitingFor: string[];
  signatures: Signature[];
}

beforeAll(async () => {
  cairn = await startTestCairn();
  const { body } = await new TestUser(cairn).get("/api/demo/accounts");
  for (const account of body.accounts.filter(
    (a: { role: string }) => a.role === "supported-person",
  )) {
    const candidate = new TestUser(cairn);
    await candidate.signIn(account.email);
    const own = (await candidate.get("/api/people")).body.people.find(
      (p: { stage: string }) => p.stage === "budget-set",
    );
    if (own) {
      person = candidate;
      personId = own.id;
      break;
    }
  }
  const record = (await person.get(`/api/people/${personId}`)).body;
  workerName = record.allocatedWorker.displayName;
  const workerAccount = body.accounts.find(
    (a: { displayName: string }) => a.displayName === workerName,
  );
  worker = new TestUser(cairn);
  await worker.signIn(workerAccount.email);
  providerStaff = await demoUser(cairn, "provider-staff");
  const providerId = (await providerStaff.get("/api/session")).body.user.providerId;
  const plan = {
    changeSummary: "Support from a provider",
    lines: [
      {
        outcomeId: record.assessment.outcomes[0].id,
        kind: "provider-service",
        description: "Help to get to the allotment",
        option: "2",
        providerId,
        cost: { type: "hourly", hoursPerWeek: "3", hourlyRate: "24.50" },
      },
    ],
  };
  expect((await worker.send("PUT", `/api/people/${personId}/plan`, plan)).status).toBe(201);
  await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" });
  expect((await worker.post(`/api/people/${personId}/contracts`, {})).status).toBe(201);
});
afterAll(() => cairn.close());

const today = () => new Date().toISOString().slice(0, 10);
const threeWay = async () =>
  ((await worker.get(`/api/people/${personId}/contracts`)).body.contracts as View[]).find(
    (c) => c.kind === "three-way",
  ) as View;
const onPaper = (as: TestUser, c: View, change: Record<string, unknown> = {}) =>
  as.post(`/api/contracts/${c.id}/paper-signatures`, {
    party: "person",
    version: c.version,
    fingerprint: c.documentHash.slice(0, 8).toUpperCase(),
    signerName: "Isla Paterson",
    signedOn: today(),
    ...change,
  });
/** Paper signatures stored for this person's agreements (the demo council has its own). */
const paperRows = async () =>
  Number(
    (
      await cairn.database.query<{ n: string }>(
        `select count(*) as n from contract_signatures s
         join contract_versions v on v.id = s.contract_version_id
         join contracts c on c.id = v.contract_id
         where s.method = 'paper' and c.person_id = $1`,
        [personId],
      )
    )[0]?.n,
  );

describe("recording a signature made on paper", () => {
  it("refuses a paper copy whose fingerprint is not the current version's, storing nothing", async () => {
    const c = await threeWay();
    const other = `${c.documentHash[0] === "0" ? "1" : "0"}${c.documentHash.slice(1, 8)}`;
    const res = await onPaper(worker, c, { fingerprint: other });
    expect(res.status).toBe(409);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.body.detail).toBe(
      `This paper copy is not the current version: print version ${c.version} and have it signed.`,
    );
    expect(await paperRows()).toBe(0);
    expect((await threeWay()).waitingFor).toContain("person");
  });

  it("refuses a date in the future, a missing name and a short fingerprint", async () => {
    const c = await threeWay();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const future = await onPaper(worker, c, { signedOn: tomorrow });
    expect(future.status).toBe(409);
    expect(future.body.detail).toMatch(/cannot be in the future/);
    const nameless = await onPaper(worker, c, { signerName: " " });
    expect(nameless.status).toBe(400);
    expect(nameless.body.errors[0].path).toBe("signerName");
    expect((await onPaper(worker, c, { fingerprint: "abc" })).body.detail).toMatch(
      /at least the first 8/,
    );
    expect((await onPaper(worker, c, { party: "council" })).status).toBe(400);
    expect(await paperRows()).toBe(0);
  });

  it("is the case holder's to record: the person, the provider and finance get 403", async () => {
    const c = await threeWay();
    const finance = await demoUser(cairn, "finance-officer");
    for (const as of [person, providerStaff, finance]) {
      expect((await onPaper(as, c)).status).toBe(403);
      expect((await onPaper(as, c, { party: "provider" })).status).toBe(403);
    }
    expect(await paperRows()).toBe(0);
  });

  it("brings the agreement into force once the others sign, and says it was on paper", async () => {
    const c = await threeWay();
    const recorded = await onPaper(worker, c);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: "awaiting-signatures",
      waitingFor: ["provider", "council"],
    });
    expect((await onPaper(worker, c)).body.detail).toMatch(/already signed/);
    const sign = (as: TestUser, party: string) =>
      as.post(`/api/contracts/${c.id}/signatures`, {
        party,
        version: c.version,
        documentHash: c.documentHash,
      });
    expect((await sign(providerStaff, "provider")).status).toBe(201);
    expect((await sign(worker, "council")).body).toMatchObject({
      status: "active",
      waitingFor: [],
    });
    const signed = (await threeWay()).signatures;
    expect(signed.find((s) => s.party === "person")).toMatchObject({
      signerName: "Isla Paterson",
      method: "paper",
      signedOn: today(),
      recordedBy: workerName,
      said: `signed by Isla Paterson on paper on ${today()}, recorded by ${workerName}`,
    });
    expect(signed.find((s) => s.party === "council")).toMatchObject({
      method: "online",
      signedOn: null,
      recordedBy: null,
    });
    // The person sees the same in their own view.
    const own = (await person.get(`/api/people/${personId}/contracts`)).body.contracts as View[];
    expect(own.find((v) => v.id === c.id)?.signatures.map((s) => s.method)).toContain("paper");
    expect(await paperRows()).toBe(1);
  });

  it("prints the paper signature in the agreement's signature block", async () => {
    const c = await threeWay();
    const res = await cairn.app.inject({
      method: "GET",
      url: `/api/contracts/${c.id}/document.pdf`,
      headers: { cookie: worker.cookieHeader },
    });
    const file = join(mkdtempSync(join(tmpdir(), "cairn-paper-")), "agreement.pdf");
    writeFileSync(file, res.rawPayload);
    const text = execFileSync("pdftotext", [file, "-"]).toString().replace(/\s+/g, " ");
    expect(text).toContain(`on paper on ${today()}, recorded by ${workerName}`);
  });

  it("audits the recording with method paper", async () => {
    const rows = await cairn.database.query<{ detail: { method: string; party: string } }>(
      "select detail from audit_log where resource_type = 'contract-paper-signature' and outcome = 'allowed' and person_id = $1",
      [personId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.detail).toMatchObject({ method: "paper", party: "person" });
    const denied = await cairn.database.query(
      "select 1 from audit_log where resource_type = 'contract-paper-signature' and outcome = 'denied'",
    );
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });
});
