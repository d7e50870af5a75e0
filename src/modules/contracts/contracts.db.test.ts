import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, startTestCairn, type TestCairn, type TestUser } from "../../testing/api";
import { castOf } from "../../testing/cast";
import { type Journeyed, journey } from "../../testing/journey";

// Each test takes its own new person along the journey, so any test runs alone or in any order.

let cairn: TestCairn;
let ownProviderId: string;
let otherProviderId: string;

interface View {
  id: string;
  kind: string;
  version: number;
  documentHash: string;
  status: string;
  waitingFor: string[];
  changeSummary: string[];
  verified: boolean;
  document: { parties: { party: string; name: string }[] };
}

beforeAll(async () => {
  cairn = await startTestCairn();
  const { worker, providerId } = await castOf(cairn);
  ownProviderId = providerId;
  otherProviderId = (await worker.get("/api/providers")).body.providers.find(
    (p: { id: string }) => p.id !== ownProviderId,
  ).id;
});
afterAll(() => cairn.close());

const lines = (rate: string) => [
  {
    kind: "provider-service",
    description: "Help to get to the allotment",
    option: "2",
    providerId: ownProviderId,
    cost: { type: "hourly", hoursPerWeek: "3", hourlyRate: rate },
  },
  {
    kind: "purchase",
    description: "Gardening tools",
    option: "1",
    cost: { type: "one-off", amount: "60.00" },
    howItMeetsOutcome: "She can work the allotment herself",
  },
  {
    kind: "provider-service",
    description: "A sitter on Tuesday evenings",
    option: "3",
    providerId: otherProviderId,
    cost: { type: "hourly", hoursPerWeek: "2", hourlyRate: "22.00" },
  },
];
const plan = (j: Journeyed, rate: string) => ({
  changeSummary: `Plan at ${rate} an hour`,
  lines: lines(rate).map((l) => ({ outcomeId: j.outcomeId, ...l })),
});

/** A new person with a budget (enough for the plan at any rate here), not yet planned. */
const budgetSet = () => journey(cairn).budget("9000.00");
/** Their plan at £25.10 approved, and its three agreements made, awaiting every signature. */
const offered = () => budgetSet().plan({ lines: lines("25.10") });
/** The three-way signed by every party (the sitter's provider has no demo staff to sign). */
const threeWaySigned = () =>
  offered().then_(async (j) => {
    const c = await threeWay(j);
    for (const [as, party] of [
      [j.person, "person"],
      [j.provider, "provider"],
      [j.worker, "council"],
    ] as const)
      expect((await sign(as, c, party)).status).toBe(201);
  });
/** Then the plan at £26.40, approved: the three-way at version 2, to sign again. */
const rateChanged = () =>
  threeWaySigned().then_(async (j) => {
    await j.worker.send("PUT", `/api/people/${j.personId}/plan`, plan(j, "26.40"));
    await j.worker.post(`/api/people/${j.personId}/plan/decision`, { decision: "approved" });
    await j.worker.post(`/api/people/${j.personId}/contracts`, {});
  });

const contractsNow = async (j: Journeyed, as = j.worker) =>
  (await as.get(`/api/people/${j.personId}/contracts`)).body.contracts as View[];
const threeWay = async (j: Journeyed, as = j.worker) =>
  (await contractsNow(j, as)).find((c) => c.kind === "three-way") as View;
const sign = (as: TestUser, c: View, party: string, hash = c.documentHash) =>
  as.post(`/api/contracts/${c.id}/signatures`, { party, version: c.version, documentHash: hash });

describe("contracts from an approved plan", () => {
  it("are made only from an approved plan", async () => {
    const j = await budgetSet();
    const { worker, personId } = j;
    await worker.send("PUT", `/api/people/${personId}/plan`, plan(j, "25.10"));
    const early = await worker.post(`/api/people/${personId}/contracts`, {});
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/approved plan/);
    expect(
      (await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" })).status,
    ).toBe(201);
  });

  it("gives a three-way contract, a direct payment agreement and a service order", async () => {
    const j = await budgetSet();
    const { worker, personId } = j;
    await worker.send("PUT", `/api/people/${personId}/plan`, plan(j, "25.10"));
    await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" });
    const admin = await demoUser(cairn, "administrator");
    const monthly = { directPaymentReturnsEvery: "month" };
    expect((await admin.send("PUT", "/api/council-settings", monthly)).status).toBe(200);
    const made = await worker.post(`/api/people/${personId}/contracts`, {});
    expect(made.status).toBe(201);
    expect(made.body.contracts.map((c: { kind: string }) => c.kind).sort()).toEqual([
      "direct-payment-agreement",
      "service-order",
      "three-way",
    ]);
    const again = await worker.post(`/api/people/${personId}/contracts`, {});
    expect(again.body.contracts.every((c: { outcome: string }) => c.outcome === "unchanged")).toBe(
      true,
    );
    // The council's default for direct payment returns becomes a term of the agreement.
    const agreement = (await contractsNow(j)).find((a) => a.kind === "direct-payment-agreement");
    expect(JSON.stringify(agreement?.document)).toContain("sends back a simple return each month");
    const c = await threeWay(j);
    expect(c.document.parties.map((p) => p.party)).toEqual(["person", "provider", "council"]);
    expect(c).toMatchObject({
      status: "awaiting-signatures",
      waitingFor: ["person", "provider", "council"],
      verified: true,
    });
  });

  it("renders each kind as a real PDF, in full and easy read, with parties, amounts and clauses", async () => {
    const j = await offered();
    const dir = mkdtempSync(join(tmpdir(), "cairn-contract-"));
    for (const c of await contractsNow(j)) {
      for (const format of ["full", "easy-read"]) {
        const res = await cairn.app.inject({
          method: "GET",
          url: `/api/contracts/${c.id}/document.pdf?format=${format}`,
          headers: { cookie: j.worker.cookieHeader },
        });
        expect(res.headers["content-type"]).toBe("application/pdf");
        const file = join(dir, `${c.kind}-${format}.pdf`);
        writeFileSync(file, res.rawPayload);
        const text = execFileSync("pdftotext", [file, "-"]).toString();
        expect(text).toContain("Fife Council");
        for (const p of c.document.parties) expect(text).toContain(p.name.slice(0, 20));
        expect(text).toMatch(format === "full" ? /Who does what[\s\S]*Complaints/ : /easy read/);
        expect(text).toContain(c.documentHash);
        if (c.kind !== "direct-payment-agreement") expect(text).toMatch(/£2[25]\.[01]0/);
        if (format === "full") expect(text).toMatch(/How the rate changes[\s\S]*Living Wage/);
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "40",
          "-f",
          "1",
          "-l",
          "1",
          file,
          join(dir, `${c.kind}-${format}`),
        ]);
      }
    }
    const images = readdirSync(dir).filter((f) => f.endsWith(".png"));
    expect(images).toHaveLength(6);
  });
});

describe("signing", () => {
  it("refuses a signature without authority, on a changed document, or by a stranger", async () => {
    const j = await offered();
    const { person, provider: providerStaff } = j;
    const c = await threeWay(j);
    expect((await sign(person, c, "provider")).body.detail).toMatch(/authority/);
    expect((await sign(providerStaff, c, "council")).body.detail).toMatch(/authority/);
    const tampered = `${c.documentHash.slice(0, 63)}${c.documentHash.endsWith("0") ? "1" : "0"}`;
    expect((await sign(person, c, "person", tampered)).body.detail).toMatch(/changed since/);
    const finance = await demoUser(cairn, "finance-officer");
    expect((await sign(finance, c, "council")).status).toBe(403);
    expect((await threeWay(j)).waitingFor).toEqual(["person", "provider", "council"]);
  });

  it("is active only when every party has signed the same version", async () => {
    const j = await offered();
    const { person, provider: providerStaff, worker } = j;
    const c = await threeWay(j, person);
    expect((await sign(person, c, "person")).body).toMatchObject({
      status: "awaiting-signatures",
      waitingFor: ["provider", "council"],
    });
    expect((await sign(person, c, "person")).body.detail).toMatch(/already signed/);
    await sign(providerStaff, c, "provider");
    expect((await sign(worker, c, "council")).body).toMatchObject({
      status: "active",
      waitingFor: [],
    });
  });

  it("makes a new version to sign again when the rate changes, with what changed", async () => {
    const j = await threeWaySigned();
    const { person, worker, personId } = j;
    await worker.send("PUT", `/api/people/${personId}/plan`, plan(j, "26.40"));
    await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" });
    const made = await worker.post(`/api/people/${personId}/contracts`, {});
    expect(made.body.contracts.find((c: { kind: string }) => c.kind === "three-way").outcome).toBe(
      "new-version",
    );
    const c = await threeWay(j);
    expect(c.version).toBe(2);
    expect(c.changeSummary).toContain("The hourly rate changes from £25.10 to £26.40.");
    expect(c.status).toBe("awaiting-signatures");
    expect((await sign(person, { ...c, version: 1 }, "person")).body.detail).toMatch(
      /not the newest version/,
    );
  });

  it("detects any change to a signed document made around the application", async () => {
    const j = await rateChanged();
    const { id } = await threeWay(j);
    await expect(
      cairn.database.query("update contract_versions set document_hash = 'x'"),
    ).rejects.toThrow(/append-only|permission denied/);
    // Around the application: the tables' owner, with the trigger off.
    await cairn.database.asOwner(
      "alter table contract_versions disable trigger contract_versions_append_only",
    );
    await cairn.database.asOwner(
      "update contract_versions set document = jsonb_set(document, '{title}', '\"A different title\"') where version = 2 and contract_id = $1",
      [id],
    );
    await cairn.database.asOwner(
      "alter table contract_versions enable trigger contract_versions_append_only",
    );
    expect((await threeWay(j)).verified).toBe(false);
  });
});

describe("before signing", () => {
  it("lets the person ask a question that the council answers, and a provider ask to renegotiate", async () => {
    const j = await rateChanged();
    const { person, worker, provider: providerStaff, personId } = j;
    const c = await threeWay(j, person);
    const asked = await person.post(`/api/contracts/${c.id}/questions`, {
      question: "Can I change the days?",
    });
    expect(asked.status).toBe(201);
    expect(
      (
        await person.post(`/api/contract-questions/${asked.body.questionId}/answer`, {
          answer: "Yes",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await worker.post(`/api/contract-questions/${asked.body.questionId}/answer`, {
          answer: "Yes, at any review.",
        })
      ).status,
    ).toBe(200);
    const bad = await providerStaff.post(`/api/contracts/${c.id}/rate-requests`, {
      proposedRate: "27.00",
      buildUp: [
        { component: "Support worker pay at the real Living Wage", amount: "13.45" },
        { component: "Employer's costs", amount: "3.00" },
      ],
      reason: "Pay went up in April.",
    });
    expect(bad.body.errors[0]).toMatchObject({ path: "buildUp" });
    // Past a 32-bit column (£21,474,836.48): a clear field error at the £1,000 rate cap, not a 500.
    const huge = await providerStaff.post(`/api/contracts/${c.id}/rate-requests`, {
      proposedRate: "21,474,836.48",
      buildUp: [{ component: "Everything", amount: "21474836.48" }],
      reason: "A typo.",
    });
    expect(huge.status).toBe(400);
    expect(huge.body.errors).toContainEqual({
      path: "proposedRate",
      message: "Enter an hourly rate up to £1,000, like 24.50",
    });
    const good = await providerStaff.post(`/api/contracts/${c.id}/rate-requests`, {
      proposedRate: "27.00",
      buildUp: [
        { component: "Support worker pay at the real Living Wage", amount: "13.45" },
        { component: "Employer's costs", amount: "3.00" },
        { component: "Travel, training and supervision", amount: "6.55" },
        { component: "Management and surplus", amount: "4.00" },
      ],
      reason: "Pay went up in April.",
    });
    expect(good.status).toBe(201);
    const commissioner = await demoUser(cairn, "commissioner");
    const decide = (body: object) =>
      commissioner.post(`/api/rate-requests/${good.body.rateRequestId}/decision`, body);
    expect(
      (
        await providerStaff.post(`/api/rate-requests/${good.body.rateRequestId}/decision`, {
          decision: "agreed",
        })
      ).status,
    ).toBe(403);
    expect((await decide({ decision: "declined" })).body.errors[0].path).toBe("note");
    const open = (await commissioner.get("/api/rate-requests")).body.requests;
    expect(open).toContainEqual(
      expect.objectContaining({ id: good.body.rateRequestId, proposedRatePence: 2700 }),
    );
    const agreed = await decide({
      decision: "agreed",
      note: "In line with the Living Wage uplift.",
    });
    expect(agreed.status).toBe(200);
    expect((await decide({ decision: "agreed" })).status).toBe(409);
    // The plan takes the new rate; approved, the contract gets a new version to sign.
    const { plan } = (await worker.get(`/api/people/${personId}/plan`)).body;
    expect(plan.changeSummary).toMatch(/Rate agreed with the provider: £27\.00 an hour/);
    expect(plan.approval.decision).toBeNull();
    await worker.post(`/api/people/${personId}/plan/decision`, { decision: "approved" });
    await worker.post(`/api/people/${personId}/contracts`, {});
    expect((await threeWay(j)).changeSummary).toContain(
      "The hourly rate changes from £26.40 to £27.00.",
    );
    expect(
      (
        await person.post(`/api/contracts/${c.id}/rate-requests`, {
          proposedRate: "1",
          buildUp: [{ component: "x", amount: "1" }],
          reason: "x",
        })
      ).status,
    ).toBe(403);
  });
});

describe("only the parties who may ask", () => {
  const audited = async (j: Journeyed, resource: string, role: string, outcome: string) =>
    Number(
      (
        await cairn.database.query<{ n: string }>(
          `select count(*) as n from audit_log where resource_type = $1 and action = 'create'
             and actor_role = $2 and outcome = $3 and person_id = $4`,
          [resource, role, outcome, j.personId],
        )
      )[0]?.n,
    );
  const refusedAndAudited = async (
    j: Journeyed,
    as: TestUser,
    role: string,
    url: string,
    body: object,
  ) => {
    const resource = url.endsWith("rate-requests") ? "rate-request" : "contract-question";
    const before = await audited(j, resource, role, "denied");
    const res = await as.post(url, body);
    expect(res.status).toBe(403);
    expect(await audited(j, resource, role, "denied")).toBe(before + 1);
  };
  const rate = {
    proposedRate: "28.00",
    buildUp: [{ component: "Support worker pay", amount: "28.00" }],
    reason: "Pay went up.",
  };
  const serviceOrder = async (j: Journeyed) =>
    (await contractsNow(j)).find((c) => c.kind === "service-order") as View;

  it("lets only the contract's own provider ask to renegotiate its rate", async () => {
    const j = await offered();
    const { person, worker, provider: providerStaff } = j;
    const theirs = await serviceOrder(j);
    const url = (c: View) => `/api/contracts/${c.id}/rate-requests`;
    await refusedAndAudited(j, providerStaff, "provider-staff", url(theirs), rate);
    const c = await threeWay(j);
    await refusedAndAudited(j, person, "supported-person", url(c), rate);
    await refusedAndAudited(j, worker, "social-worker", url(c), rate);
    const before = await audited(j, "rate-request", "provider-staff", "allowed");
    expect((await providerStaff.post(url(c), rate)).status).toBe(201);
    expect(await audited(j, "rate-request", "provider-staff", "allowed")).toBe(before + 1);
  });

  it("lets the person and the contract's provider ask questions, which the council answers", async () => {
    const j = await offered();
    const { person, worker, provider: providerStaff } = j;
    const question = { question: "Who covers holidays?" };
    const url = (c: View) => `/api/contracts/${c.id}/questions`;
    await refusedAndAudited(
      j,
      providerStaff,
      "provider-staff",
      url(await serviceOrder(j)),
      question,
    );
    const c = await threeWay(j);
    await refusedAndAudited(j, worker, "social-worker", url(c), question);
    for (const [as, role] of [
      [person, "supported-person"],
      [providerStaff, "provider-staff"],
    ] as const) {
      const before = await audited(j, "contract-question", role, "allowed");
      expect((await as.post(url(c), question)).status).toBe(201);
      expect(await audited(j, "contract-question", role, "allowed")).toBe(before + 1);
    }
  });

  it("shows a provider only the agreements it is party to", async () => {
    const j = await offered();
    const all = await contractsNow(j);
    expect(all.map((c) => c.kind).sort()).toEqual([
      "direct-payment-agreement",
      "service-order",
      "three-way",
    ]);
    const seen = await contractsNow(j, j.provider);
    expect(seen.map((c) => c.kind)).toEqual(["three-way"]);
  });
});

describe("council templates", () => {
  it("publishes an edited template as a new version, and refuses one that shifts risk", async () => {
    const { worker } = await castOf(cairn);
    const admin = await demoUser(cairn, "administrator");
    const { templates } = (await admin.get("/api/contract-templates")).body;
    const three = templates.find((t: { kind: string }) => t.kind === "three-way");
    expect(three.isDefault).toBe(true);
    const edited = { ...three.template, title: "Fife ISF agreement for {{person}}" };
    delete edited.kind;
    expect((await admin.send("PUT", "/api/contract-templates/three-way", edited)).status).toBe(201);
    const risky = {
      ...edited,
      clauses: edited.clauses.map((c: { topic: string; text: string }) =>
        c.topic === "responsibilities"
          ? { ...c, text: `${c.text} The provider shall indemnify the council.` }
          : c,
      ),
    };
    const refused = await admin.send("PUT", "/api/contract-templates/three-way", risky);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/indemnity/);
    const now = (await admin.get("/api/contract-templates")).body.templates.find(
      (t: { kind: string }) => t.kind === "three-way",
    );
    expect(now).toMatchObject({
      isDefault: false,
      template: { title: "Fife ISF agreement for {{person}}" },
    });
    expect((await worker.send("PUT", "/api/contract-templates/three-way", edited)).status).toBe(
      403,
    );
  });
});
