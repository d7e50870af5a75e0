import type { Cairn } from "../server";
import { OWN_PASSWORD, type Reply, setOwnPassword, TestUser } from "./api";
import { type Cast, castOf } from "./cast";

// Each person signs in from their own address, as people at home do: many journeys made at
// once from one address would otherwise meet the per-address sign-in throttle (issue 13, #7),
// which counts an attempt as failed until its password is checked.
let addresses = 0;
const ownAddress = () => {
  addresses += 1;
  return `10.88.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;
};

/**
 * A new person taken along the SDS journey through the real API, as the real roles would:
 *
 *   const j = await journey(cairn).budget("7831.20").plan({ option: "2" }).signed();
 *
 * Steps queue up and run when awaited; a step brings in the steps before it with their
 * defaults (`.signed()` alone refers, assesses, decides eligibility, sets a budget and plans),
 * so a test never hunts the demo seed for a person at the right stage, nor relies on another.
 */

export interface Contract {
  id: string;
  kind: string;
  version: number;
  documentHash: string;
  providerId: string | null;
  waitingFor: string[];
  // biome-ignore lint/suspicious/noExplicitAny: tests read terms and documents by shape
  [more: string]: any;
}

/** Where a journey has got to: the person, their record's ids and who can act on it. */
export interface Journeyed extends Cast {
  /** The person's own account (signed in), made when they were referred. */
  person: TestUser;
  personId: string;
  givenName: string;
  familyName: string;
  outcomeId: string;
  /** The person's agreements, as the worker sees them after the last step. */
  contracts: Contract[];
  /** The first agreement's id (most journeys have one). */
  contractId: string;
}

export interface PlanOf {
  /** One line of this option: Option 2 a service of the demo provider, Option 1 a PA. */
  option?: "1" | "2" | "3";
  hoursPerWeek?: string;
  hourlyRate?: string;
  /** Or these lines (each given the person's first outcome). */
  lines?: object[];
}

export interface Returned {
  /** Hours delivered, as typed ("24.5"): sent as `deliveredHours`, kept as minutes. */
  delivered?: string;
  /** Hours planned, as typed (default: as delivered): sent as `plannedHours`. */
  planned?: string;
  purchases?: { description: string; amount: string }[];
}

const STAGES = ["referred", "assessed", "eligible", "budget", "plan", "signed"] as const;
type Stage = (typeof STAGES)[number];
type Step = (j: Journeyed) => Promise<void>;

let made = 0;

export class Journey implements PromiseLike<Journeyed> {
  private readonly steps: Step[] = [];
  private reached = -1;

  constructor(private readonly cairn: Cairn) {}

  referred(givenName = "Ailsa") {
    return this.at("referred", (j) => refer(this.cairn, j, givenName));
  }
  assessed() {
    return this.at("assessed", assess);
  }
  eligible() {
    return this.at("eligible", async (j) => {
      ok(
        await j.worker.post(`/api/people/${j.personId}/eligibility-decisions`, {
          riskLevel: "substantial",
          reasons: "Risk to independence",
        }),
        "eligibility",
      );
    });
  }
  /** A budget set by the worker (in pounds), approved by the manager if beyond their authority. */
  budget(annualAmount = "7831.20") {
    return this.at("budget", (j) => setBudget(j, annualAmount));
  }
  /** Puts the plan, approves it and makes its agreements (unsigned). */
  plan(of: PlanOf = {}) {
    return this.at("plan", (j) => approvedPlan(j, of));
  }
  /** Every party signs every agreement waiting for them: person, provider, council. */
  signed() {
    return this.at("signed", sign);
  }
  /** Finance runs the allocation for a month ("2026-12"), paying the budget into the funds. */
  allocated(period: string) {
    this.upTo(STAGES.length - 1);
    return this.then_(async (j) => {
      ok(await j.finance.post("/api/ledger/allocations", { period }), "allocation");
    });
  }
  /** The provider's return for a month on the first agreement: hours delivered, purchases. */
  returned(period: string, r: Returned = {}) {
    this.upTo(STAGES.length - 1);
    return this.then_((j) => sendReturn(j, period, r));
  }
  /** Anything else, after the steps so far (it brings in no stages). */
  then_(step: Step) {
    this.steps.push(step);
    return this;
  }

  // biome-ignore lint/suspicious/noThenProperty: awaiting the builder runs its steps
  then<A = Journeyed, B = never>(
    done?: ((j: Journeyed) => A | PromiseLike<A>) | null,
    failed?: ((e: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.run().then(done, failed);
  }

  private async run(): Promise<Journeyed> {
    const j = { ...(await castOf(this.cairn)), contracts: [] } as unknown as Journeyed;
    for (const step of this.steps) await step(j);
    return j;
  }

  private at(stage: Stage, step: Step) {
    const index = STAGES.indexOf(stage);
    if (index <= this.reached) throw new Error(`the journey is already past ${stage}`);
    this.upTo(index - 1);
    this.steps.push(step);
    this.reached = index;
    return this;
  }

  /** Queues the default steps up to and including this stage. */
  private upTo(index: number) {
    const defaults: Record<Stage, () => unknown> = {
      referred: () => this.referred(),
      assessed: () => this.assessed(),
      eligible: () => this.eligible(),
      budget: () => this.budget(),
      plan: () => this.plan(),
      signed: () => this.signed(),
    };
    while (this.reached < index) defaults[STAGES[this.reached + 1] as Stage]();
  }
}

/** A new person's journey; nothing happens until it is awaited. */
export const journey = (cairn: Cairn) => new Journey(cairn);

function ok(reply: Reply, what: string) {
  if (reply.status >= 300)
    throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply;
}

async function refer(cairn: Cairn, j: Journeyed, givenName: string) {
  made += 1;
  const familyName = `Journey${made}${Math.random().toString(36).slice(2, 7)}`;
  const { localities } = (await j.worker.get("/api/localities")).body;
  const referral = ok(
    await j.worker.post("/api/referrals", {
      person: { givenName, familyName, dateOfBirth: "1950-04-02", localityId: localities[0].id },
      source: "gp",
      urgency: "soon",
      reason: "Falls at home",
      confirmedNew: true,
    }),
    "referral",
  );
  Object.assign(j, { givenName, familyName, personId: referral.body.personId });
  const email = `${familyName.toLowerCase()}@example.org`;
  const account = ok(
    await j.worker.post(`/api/people/${j.personId}/accounts`, {
      kind: "person",
      email,
      displayName: `${givenName} ${familyName}`,
    }),
    "account",
  );
  ok(await setOwnPassword(cairn, account.body.link), "person sets their password");
  j.person = new TestUser(cairn, { address: ownAddress() });
  ok(await j.person.signIn(email, OWN_PASSWORD), "person sign-in");
}

async function assess(j: Journeyed) {
  const created = ok(
    await j.worker.post(`/api/people/${j.personId}/assessments`, {
      summary: "Talked at home",
      strengths: "Neighbours",
      outcomes: [
        {
          inOwnWords: "I want to get back to my allotment",
          need: "Transport on Saturdays",
          nationalOutcome: "wellbeing",
        },
      ],
    }),
    "assessment",
  );
  const { assessmentId } = created.body;
  ok(await j.worker.post(`/api/assessments/${assessmentId}/submission`, {}), "submission");
  ok(
    await j.manager.post(`/api/assessments/${assessmentId}/review`, { decision: "approve" }),
    "sign-off",
  );
  j.outcomeId = (await j.worker.get(`/api/people/${j.personId}`)).body.assessment.outcomes[0].id;
}

async function setBudget(j: Journeyed, annualAmount: string) {
  const set = ok(
    await j.worker.post(`/api/people/${j.personId}/budgets`, {
      annualAmount,
      reason: "Six hours a week",
    }),
    "budget",
  );
  if (!set.body.approvalNeeded) return;
  ok(
    await j.manager.post(`/api/budget-entries/${set.body.id}/approval`, { decision: "approved" }),
    "budget approval",
  );
}

const lineOf = (
  j: Journeyed,
  { option = "2", hoursPerWeek = "6", hourlyRate = "25.10" }: PlanOf,
) =>
  option === "1"
    ? {
        kind: "personal-assistant",
        description: "A personal assistant for the allotment",
        option,
        cost: { type: "hourly", hoursPerWeek, hourlyRate },
      }
    : {
        kind: "provider-service",
        description: "Help to get to the allotment",
        option,
        providerId: j.providerId,
        cost: { type: "hourly", hoursPerWeek, hourlyRate },
      };

async function approvedPlan(j: Journeyed, of: PlanOf) {
  const url = `/api/people/${j.personId}`;
  ok(
    await j.worker.send("PUT", `${url}/plan`, {
      changeSummary: "Plan for the agreements",
      lines: (of.lines ?? [lineOf(j, of)]).map((l) => ({ outcomeId: j.outcomeId, ...l })),
    }),
    "plan",
  );
  ok(await j.worker.post(`${url}/plan/decision`, { decision: "approved" }), "plan approval");
  ok(await j.worker.post(`${url}/contracts`, {}), "agreements");
  await refresh(j);
}

async function refresh(j: Journeyed) {
  j.contracts = (await j.worker.get(`/api/people/${j.personId}/contracts`)).body.contracts;
  j.contractId = j.contracts[0]?.id as string;
}

async function sign(j: Journeyed) {
  for (const c of j.contracts) {
    for (const party of c.waitingFor) {
      const as =
        party === "person"
          ? j.person
          : party === "council"
            ? j.worker
            : await j.staffOf(c.providerId as string);
      ok(
        await as.post(`/api/contracts/${c.id}/signatures`, {
          party,
          version: c.version,
          documentHash: c.documentHash,
        }),
        `${party} signing`,
      );
    }
  }
  await refresh(j);
}

async function sendReturn(j: Journeyed, period: string, r: Returned) {
  const support = r.delivered
    ? [
        {
          kind: "support",
          description: "Allotment support",
          plannedHours: r.planned ?? r.delivered,
          deliveredHours: r.delivered,
        },
      ]
    : [];
  const purchases = (r.purchases ?? []).map((p) => ({ kind: "purchase", ...p }));
  ok(
    await j.provider.post(`/api/contracts/${j.contractId}/returns`, {
      period,
      lines: [...support, ...purchases],
    }),
    "return",
  );
}
