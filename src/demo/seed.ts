import { eq, sql } from "drizzle-orm";
import { assessments, assessmentVersions, personalOutcomes } from "../modules/assessment/schema";
import { budgetEntries, rasVersions } from "../modules/budgets/schema";
import { DEFAULT_CRITERIA, DEFAULT_PUBLISHED_TEXT } from "../modules/eligibility/rules";
import { eligibilityCriteria, eligibilityDecisions } from "../modules/eligibility/schema";
import { hashPassword } from "../modules/identity/passwords";
import { users } from "../modules/identity/schema";
import { localities, teams } from "../modules/organisation/schema";
import { people, representatives } from "../modules/people/schema";
import { STAGES, type Stage } from "../modules/people/stage";
import { planEvents, providerRequests } from "../modules/plans/schema";
import { keepVersions } from "../modules/providers/directory-store";
import type { ProviderKind } from "../modules/providers/kinds";
import { communitySupports, providerServices, providers } from "../modules/providers/schema";
import { referrals } from "../modules/referrals/schema";
import { REFERRAL_SOURCES, URGENCIES } from "../modules/referrals/vocabulary";
import type { Role } from "../platform/authorisation/roles";
import type { Db } from "../platform/db/client";
import { appMeta } from "../platform/db/meta-schema";
import { DEMO_LOADED_KEY, DEMO_PASSWORD } from "./accounts";
import registered from "./data/fife-providers.json" with { type: "json" };
import { seedPlansAndMoney } from "./money";
import { DEMO_OUTCOMES, DEMO_SUPPORTS, FAMILY, GIVEN, LOCALITIES } from "./people";
import { DEMO_RAS } from "./ras";
import { demoServices } from "./services";

const EMAIL = "demo.cairn.example";
const email = (name: string) => `${name.toLowerCase().replaceAll(" ", ".")}@${EMAIL}`;

/** Loads the demo council once: one transaction, so a crash part-way leaves nothing. */
export async function seedDemoOnce(db: Db): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727274)`); // one seeder across processes
    const [done] = await tx.select().from(appMeta).where(eq(appMeta.key, DEMO_LOADED_KEY));
    if (done) return false;
    await seed(tx, passwordHash);
    await tx.insert(appMeta).values({ key: DEMO_LOADED_KEY, value: new Date().toISOString() });
    return true;
  });
}

/** Unregistered kinds the datastore cannot show, named as demo examples. */
const COMMUNITY_PROVIDERS: {
  name: string;
  kind: ProviderKind;
  serviceType: string;
  town: string;
  summary: string;
  /** Off the council's framework: people may still choose them (flagged to procurement). */
  onFramework?: boolean;
}[] = [
  {
    name: "Howe of Fife Micro Care (demo)",
    kind: "micro-provider",
    serviceType: "Personal care and community connection",
    town: "Cupar",
    summary: "Three local people offering flexible support in the Howe of Fife.",
    onFramework: false,
  },
  {
    name: "Fife Disabled People's Support Co-op (demo)",
    kind: "user-led",
    serviceType: "Peer support and planning",
    town: "Kirkcaldy",
    summary: "Run by disabled people: support planning, peer support and payroll help.",
  },
  {
    name: "Kingdom Independent Living Advice (demo)",
    kind: "independent-support-organisation",
    serviceType: "Independent information and advice",
    town: "Glenrothes",
    summary: "Independent advice on the four options, direct payments and employing PAs.",
  },
  {
    name: "Fife Active Lives Trust (demo)",
    kind: "arms-length-company",
    serviceType: "Leisure, sport and day opportunities",
    town: "Glenrothes",
    summary: "The council's leisure company: inclusive sport, swimming and day activities.",
  },
  {
    name: "Kingdom Garden Crew (demo)",
    kind: "social-enterprise",
    serviceType: "Employment and skills",
    town: "Kirkcaldy",
    summary: "A social enterprise offering paid work and training in gardening and growing.",
  },
  {
    name: "Jean Laing, personal assistant (demo)",
    kind: "personal-assistant",
    serviceType: "Personal assistant",
    town: "Cupar",
    summary: "A self-employed personal assistant working in the Howe of Fife.",
    onFramework: false,
  },
  {
    name: "Linn Employee-owned Care (demo)",
    kind: "employee-owned",
    serviceType: "Care at home",
    town: "Dunfermline",
    summary: "A care co-operative owned by its support workers.",
  },
];

async function seed(tx: Db, passwordHash: string) {
  const locs = await tx
    .insert(localities)
    .values(LOCALITIES.map((name) => ({ name })))
    .returning();
  const loc = (name: string) => locs.find((l) => l.name === name)?.id as string;
  await tx.insert(communitySupports).values(
    DEMO_SUPPORTS.map(({ locality, ...s }) => ({
      ...s,
      localityId: locality ? loc(locality) : null,
    })),
  );
  const teamRows = await tx
    .insert(teams)
    .values([
      { name: "Kirkcaldy Adult Social Work Team", localityId: loc("Kirkcaldy") },
      { name: "Dunfermline Adult Social Work Team", localityId: loc("City of Dunfermline") },
      { name: "North East Fife Adult Social Work Team", localityId: loc("North East Fife") },
    ])
    .returning();
  const [kirkcaldy, dunfermline, northEast] = teamRows.map((t) => t.id) as [string, string, string];

  const providerRows = await tx
    .insert(providers)
    .values([
      ...registered.providers.map((p) => ({
        name: p.name,
        kind: p.kind as ProviderKind,
        careInspectorateNumber: p.careInspectorateNumber,
        serviceType: p.serviceType,
        address1: p.address1,
        town: p.town,
        postcode: p.postcode,
        phone: p.phone,
        email: p.email,
        minGrade: p.minGrade,
        summary: `Registered with the Care Inspectorate (${p.careInspectorateNumber})${p.provider ? `, provided by ${p.provider}` : ""}.`,
      })),
      ...COMMUNITY_PROVIDERS,
    ])
    .returning();
  await keepVersions(tx, "provider", providerRows, [], null);
  const serviceRows = await tx
    .insert(providerServices)
    .values(demoServices(providerRows, Object.fromEntries(locs.map((l) => [l.name, l.id]))))
    .returning();
  await keepVersions(tx, "service", serviceRows, [], null);
  const staffed = providerRows
    .filter((p) => p.kind !== "in-house")
    .filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i)
    .slice(0, 3);

  const staff: { name: string; role: Role; teamId?: string; providerId?: string }[] = [
    { name: "Morag Henderson", role: "social-worker", teamId: kirkcaldy },
    { name: "Ravi Sharma", role: "social-worker", teamId: dunfermline },
    { name: "Eilidh MacLeod", role: "social-worker", teamId: northEast },
    { name: "Fiona Drummond", role: "team-manager", teamId: kirkcaldy },
    { name: "Graham Baird", role: "team-manager", teamId: dunfermline },
    { name: "Alison Grant", role: "team-manager", teamId: northEast },
    ...staffed.map((p, i) => ({
      name: ["Lesley Brown", "Tom Rennie", "Aisha Khan"][i] as string,
      role: "provider-staff" as Role,
      providerId: p.id,
    })),
    { name: "Alan Petrie", role: "finance-officer" },
    // A second finance officer: payment runs need one to draft and another to approve.
    { name: "Priya Nair", role: "finance-officer" },
    { name: "Shona Wallace", role: "commissioner" },
    { name: "Kenneth Muir", role: "administrator" },
  ];
  const staffRows = await tx
    .insert(users)
    .values(
      staff.map((s) => ({
        email: email(s.name),
        displayName: s.name,
        role: s.role,
        passwordHash,
        teamId: s.teamId,
        providerId: s.providerId,
        isDemo: true,
      })),
    )
    .returning();
  const admin = staffRows.find((u) => u.role === "administrator") as { id: string };
  await tx.insert(eligibilityCriteria).values({
    fundedLevels: [...DEFAULT_CRITERIA.fundedLevels],
    publishedText: DEFAULT_PUBLISHED_TEXT,
    setBy: admin.id,
  });
  await tx.insert(rasVersions).values({
    version: 1,
    name: "Fife demo RAS 2026/27",
    definition: DEMO_RAS,
    status: "published",
    effectiveFrom: "2026-04-01",
    createdBy: admin.id,
    publishedBy: admin.id,
    publishedAt: new Date().toISOString(),
  });
  const workers = staffRows.filter((u) => u.role === "social-worker");
  const managers = staffRows.filter((u) => u.role === "team-manager"); // same team order
  await seedPeople(tx, {
    passwordHash,
    workers,
    managers,
    localityIds: locs.map((l) => l.id),
    providers: [...staffed, ...providerRows],
  });
}

interface PeopleContext {
  passwordHash: string;
  workers: { id: string }[];
  managers: { id: string }[];
  localityIds: string[];
  providers: { id: string }[];
}

/** 42 people over the nine stages, spread so every worker and locality has a mix. */
async function seedPeople(tx: Db, ctx: PeopleContext) {
  const count = 42;
  // Three people in a row share a stage, so each of the three workers has people at every stage.
  const stageOf = (i: number): Stage => STAGES[Math.floor(i / 3) % STAGES.length] as Stage;
  const personRows = await tx
    .insert(people)
    .values(
      Array.from({ length: count }, (_, i) => ({
        givenName: GIVEN[i % GIVEN.length] as string,
        familyName: FAMILY[(i * 7) % FAMILY.length] as string,
        dateOfBirth: `${1936 + ((i * 13) % 67)}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
        localityId: ctx.localityIds[i % ctx.localityIds.length] as string,
        allocatedWorkerId: (ctx.workers[i % ctx.workers.length] as { id: string }).id,
      })),
    )
    .returning();
  const day = (i: number, offset: number) =>
    new Date(Date.UTC(2026, 5, 1 + (i % 60) + offset)).toISOString();
  const reached = (i: number, stage: Stage) => STAGES.indexOf(stageOf(i)) >= STAGES.indexOf(stage);
  const worker = (i: number) => (ctx.workers[i % ctx.workers.length] as { id: string }).id;

  await tx.insert(referrals).values(
    personRows.map((p, i) => ({
      personId: p.id,
      source: REFERRAL_SOURCES[i % REFERRAL_SOURCES.length] as (typeof REFERRAL_SOURCES)[number],
      urgency: URGENCIES[i % URGENCIES.length] as (typeof URGENCIES)[number],
      reason: "Struggling at home since a fall; family worried.",
      recordedBy: worker(i),
      recordedAt: day(i, 0),
    })),
  );
  const assessed = personRows.map((p, i) => ({ p, i })).filter(({ i }) => reached(i, "assessing"));
  const manager = (i: number) => (ctx.managers[i % ctx.managers.length] as { id: string }).id;
  const assessmentRows = await seedAssessments(
    tx,
    assessed.map(({ p, i }) => ({
      personId: p.id,
      author: worker(i),
      reviewer: stageOf(i) === "assessing" ? null : manager(i),
      at: day(i, 7),
    })),
  );
  const decided = assessed
    .map((x, k) => ({ ...x, a: assessmentRows[k] as { id: string } }))
    .filter(({ i }) => stageOf(i) !== "assessed" && stageOf(i) !== "assessing");
  const decisionRows = await tx
    .insert(eligibilityDecisions)
    .values(
      decided.map(({ p, i, a }) => {
        const eligible = stageOf(i) !== "not-eligible";
        return {
          personId: p.id,
          assessmentId: a.id,
          riskLevel: eligible ? (i % 2 ? "critical" : "substantial") : i % 2 ? "moderate" : "low",
          eligible,
          reasons: eligible
            ? "Significant risk to independence without support."
            : "Some risk; community supports can meet the outcomes.",
          decidedBy: worker(i),
          decidedAt: day(i, 14),
        } as const;
      }),
    )
    .returning();
  const budgeted = decided
    .map((x, k) => ({ ...x, d: decisionRows[k] as { id: string } }))
    .filter(({ i }) => reached(i, "budget-set"));
  const budgetRows = await tx
    .insert(budgetEntries)
    .values(
      budgeted.map(({ p, i, d }) => ({
        personId: p.id,
        eligibilityDecisionId: d.id,
        annualAmountPence: (4000 + ((i * 1733) % 26000)) * 100,
        reason: "Indicative amount for the outcomes agreed.",
        setBy: worker(i),
        setAt: day(i, 21),
      })),
    )
    .returning();
  const planned = budgeted
    .map((x, k) => ({ ...x, b: budgetRows[k] as { id: string } }))
    .filter(({ i }) => reached(i, "awaiting-provider"));
  const statusOf = {
    "awaiting-provider": "awaiting-provider",
    "provider-declined": "declined",
    active: "active",
  } as const;
  const planRows = await tx
    .insert(providerRequests)
    .values(
      planned.map(({ p, i, b }) => ({
        personId: p.id,
        budgetEntryId: b.id,
        option: "2" as const,
        providerId: (ctx.providers[i % 3] as { id: string }).id,
        status: statusOf[stageOf(i) as keyof typeof statusOf],
        chosenBy: worker(i),
        choiceReason: "Wants a provider to hold the budget and arrange support the way they like.",
        startDate: stageOf(i) === "active" ? day(i, 40).slice(0, 10) : null,
        committedHoursPerWeek: stageOf(i) === "active" ? 6 + (i % 10) : null,
        createdAt: day(i, 28),
      })),
    )
    .returning();
  await tx.insert(planEvents).values(
    planRows.map((plan, k) => ({
      planId: plan.id,
      event: "chosen" as const,
      note: "Option 2",
      actorId: worker((planned[k] as { i: number }).i),
      at: day(k, 28),
    })),
  );
  await seedPersonAccounts(tx, ctx.passwordHash, personRows, stageOf);
  await seedPlansAndMoney(tx);
}

/** Sign-ins for two people at different stages, and a guardian for a third. */
async function seedPersonAccounts(
  tx: Db,
  passwordHash: string,
  personRows: { id: string; givenName: string; familyName: string }[],
  stageOf: (i: number) => Stage,
) {
  const withStage = (stage: Stage, nth = 0) =>
    personRows.filter((_, i) => stageOf(i) === stage)[nth] as (typeof personRows)[number];
  const active = withStage("active");
  const choosing = withStage("budget-set");
  const guarded = withStage("budget-set", 1);
  const [activeUser, choosingUser, rep] = await tx
    .insert(users)
    .values([
      {
        email: email(`${active.givenName} ${active.familyName}`),
        displayName: `${active.givenName} ${active.familyName}`,
        role: "supported-person" as const,
        passwordHash,
        isDemo: true,
      },
      {
        email: email(`${choosing.givenName} ${choosing.familyName}`),
        displayName: `${choosing.givenName} ${choosing.familyName}`,
        role: "supported-person" as const,
        passwordHash,
        isDemo: true,
      },
      {
        email: email("Catriona Bell"),
        displayName: "Catriona Bell",
        role: "representative" as const,
        passwordHash,
        isDemo: true,
      },
    ])
    .returning();
  await tx.update(people).set({ userId: activeUser?.id }).where(eq(people.id, active.id));
  await tx.update(people).set({ userId: choosingUser?.id }).where(eq(people.id, choosing.id));
  await tx.insert(representatives).values({
    personId: guarded.id,
    userId: rep?.id as string,
    relationship: "Daughter",
    authority: "welfare-power-of-attorney",
  });
}

/** Assessments with two outcomes each: signed off where a reviewer is given, else drafts. */
async function seedAssessments(
  tx: Db,
  items: { personId: string; author: string; reviewer: string | null; at: string }[],
) {
  const contentOf = (k: number) => ({
    summary: "Talked at home about what matters and what is working.",
    strengths: "Close family nearby; knows neighbours well.",
    informalSupport: "A neighbour looks in most days; the church lunch club on Wednesdays.",
    outcomes: [0, 3].map(
      (j) => DEMO_OUTCOMES[(k + j) % DEMO_OUTCOMES.length] as (typeof DEMO_OUTCOMES)[number],
    ),
    risks: [
      {
        whatCouldGoWrong: "A fall when going out alone",
        whatThePersonAccepts: "Going out alone in daylight",
        whatReducesIt: "A walking stick and a mobile phone",
      },
    ],
    participants: [{ name: "The person", role: "person" as const, authority: "none" as const }],
  });
  const rows = await tx
    .insert(assessments)
    .values(
      items.map((item, k) => {
        const { outcomes: _, ...content } = contentOf(k);
        return {
          ...content,
          personId: item.personId,
          status: item.reviewer ? ("approved" as const) : ("draft" as const),
          recordedBy: item.author,
          recordedAt: item.at,
          submittedAt: item.reviewer ? item.at : null,
          reviewedBy: item.reviewer,
          reviewedAt: item.reviewer ? item.at : null,
        };
      }),
    )
    .returning();
  await tx.insert(assessmentVersions).values(
    rows.map((a, k) => ({
      assessmentId: a.id,
      version: 1,
      content: contentOf(k),
      savedBy: a.recordedBy,
      savedAt: a.recordedAt,
    })),
  );
  await tx
    .insert(personalOutcomes)
    .values(
      rows.flatMap((a, k) =>
        contentOf(k).outcomes.map((o) => ({ ...o, assessmentId: a.id, version: 1 })),
      ),
    );
  return rows;
}
