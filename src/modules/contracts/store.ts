import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { inTurn } from "../../platform/db/in-turn";
import { conflict } from "../../platform/http/problem";
import { latestAssessment } from "../assessment/store";
import { users } from "../identity/schema";
import { representatives } from "../people/schema";
import { personName } from "../people/store";
import { versionsOf } from "../plans/plan-store";
import { costedLines } from "../plans/pool-store";
import { linesBlocked } from "../plans/rules";
import type { PlanLine } from "../plans/schema";
import { providerRequests } from "../plans/schema";
import { providers } from "../providers/schema";
import { DEFAULT_TEMPLATES } from "./default-templates";
import { howSigned } from "./document";
import {
  contractQuestions,
  contractSignatures,
  contracts,
  contractTemplates,
  contractVersions,
  rateRequests,
} from "./schema";
import { councilSettingsOf } from "./settings";
import { contractStatus, SIGNING_AUTHORITIES } from "./signing";
import { type ContractTemplate, documentHash, renderContract } from "./template";
import {
  CONTRACT_KINDS,
  type ContractKind,
  type ContractTerms,
  changedTerms,
  KIND_OF_OPTION,
  moneyTerms,
  oneOffMonths,
  returnsEveryFor,
} from "./terms";

/** The council's name as its contracts give it. */
export const councilName = () => process.env.CAIRN_COUNCIL_NAME ?? "Fife Council";

export async function currentTemplate(db: Db, kind: ContractKind) {
  const [row] = await db
    .select()
    .from(contractTemplates)
    .where(eq(contractTemplates.kind, kind))
    .orderBy(desc(contractTemplates.createdAt))
    .limit(1);
  return row
    ? { id: row.id, template: row.template }
    : { id: null, template: DEFAULT_TEMPLATES[kind] };
}

/** The template in use for each kind: the council's newest version, else Cairn's default. */
export function currentTemplates(db: Db) {
  return Promise.all(
    CONTRACT_KINDS.map(async (kind) => {
      const t = await currentTemplate(db, kind);
      return { kind, id: t.id, isDefault: t.id === null, template: t.template };
    }),
  );
}

/** A new version of the council's template for its kind (checked by the caller: templateProblems). */
export async function publishTemplate(tx: Db, template: ContractTemplate, by: string) {
  const [row] = await tx
    .insert(contractTemplates)
    .values({ kind: template.kind, template, createdBy: by })
    .returning({ id: contractTemplates.id });
  if (!row) throw new Error("The template was not recorded");
  return row;
}

const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** The approved plan's supports, grouped into the agreements they need, with their terms. */
export async function agreementsFromPlan(db: Db, personId: string) {
  const [latest] = await versionsOf(db, personId);
  if (latest?.decision?.decision !== "approved")
    throw conflict("Contracts are made from an approved plan: approve the newest version first.");
  // Pooled lines cost the person's share, resolved as the plan view resolves it.
  const lines = await costedLines(db, personId, latest.version.lines);
  const broken = linesBlocked(lines);
  if (broken) throw conflict(broken);
  const missing = lines.find((l) => l.option !== "1" && !l.providerId);
  if (missing)
    throw conflict(`Choose a provider for “${missing.description}” before making its contract.`);
  const groups = new Map<
    string,
    { kind: ContractKind; providerId: string | null; lines: PlanLine[] }
  >();
  for (const l of lines) {
    const kind = KIND_OF_OPTION[l.option];
    const providerId = kind === "direct-payment-agreement" ? null : l.providerId;
    const key = `${kind}:${providerId ?? "-"}`;
    const group = groups.get(key) ?? { kind, providerId, lines: [] };
    group.lines.push(l);
    groups.set(key, group);
  }
  const [person, reps, outcomes, named, accepted] = await inTurn(
    () => personName(db, personId),
    () =>
      db
        .select({ name: users.displayName })
        .from(representatives)
        .innerJoin(users, eq(users.id, representatives.userId))
        .where(
          and(
            eq(representatives.personId, personId),
            inArray(representatives.authority, [...SIGNING_AUTHORITIES]),
            isNull(representatives.endedAt),
          ),
        ),
    () => latestAssessment(db, personId),
    () => {
      const ids = [...groups.values()].flatMap((g) => (g.providerId ? [g.providerId] : []));
      return ids.length
        ? db
            .select({ id: providers.id, name: providers.name })
            .from(providers)
            .where(inArray(providers.id, ids))
        : [];
    },
    () =>
      db
        .select({ lineId: providerRequests.planLineId, startDate: providerRequests.startDate })
        .from(providerRequests)
        .where(and(eq(providerRequests.personId, personId), eq(providerRequests.status, "active"))),
  );
  const today = new Date().toISOString().slice(0, 10);
  return {
    planVersionId: latest.version.id,
    agreements: [...groups.entries()].map(([key, g]) => {
      const startDate =
        g.lines.map((l) => accepted.find((a) => a.lineId === l.id)?.startDate).find(Boolean) ??
        today;
      const terms: ContractTerms = {
        person: `${person.givenName} ${person.familyName}`,
        representative: reps[0]?.name ?? null,
        provider: named.find((p) => p.id === g.providerId)?.name ?? null,
        council: councilName(),
        outcomes: (outcomes?.outcomes ?? [])
          .filter((o) => g.lines.some((l) => l.outcomeId === o.id))
          .map((o) => o.inOwnWords),
        ...moneyTerms(g.lines, startDate),
        startDate,
        reviewDate: addMonths(startDate, 3),
      };
      return { key, kind: g.kind, providerId: g.providerId, terms };
    }),
  };
}

/**
 * Makes or brings up to date each agreement the approved plan needs: a new contract at
 * version 1, a new version when the terms changed (to be signed again), or nothing.
 */
export async function generateContracts(tx: Db, personId: string, by: string) {
  const { planVersionId, agreements } = await agreementsFromPlan(tx, personId);
  const results = [];
  for (const a of agreements) {
    let [contract] = await tx
      .select()
      .from(contracts)
      .where(and(eq(contracts.personId, personId), eq(contracts.key, a.key)));
    if (!contract) {
      [contract] = await tx
        .insert(contracts)
        .values({ personId, kind: a.kind, providerId: a.providerId, key: a.key })
        .returning();
    }
    const id = (contract as { id: string }).id;
    const [latest] = await tx
      .select()
      .from(contractVersions)
      .where(eq(contractVersions.contractId, id))
      .orderBy(desc(contractVersions.version))
      .limit(1);
    if (a.kind === "direct-payment-agreement")
      a.terms.returnsEvery = returnsEveryFor(
        latest?.terms,
        (await councilSettingsOf(tx)).directPaymentReturnsEvery,
      );
    a.terms.oneOffs = oneOffMonths(
      a.terms.oneOffs ?? [],
      latest?.terms.oneOffs,
      new Date().toISOString().slice(0, 7),
    );
    const changes = latest ? changedTerms(latest.terms, a.terms) : ["First version."];
    if (changes.length === 0) {
      results.push({
        contractId: id,
        kind: a.kind,
        version: latest?.version ?? 1,
        outcome: "unchanged" as const,
      });
      continue;
    }
    const version = (latest?.version ?? 0) + 1;
    const template = await currentTemplate(tx, a.kind);
    const document = renderContract(template.template, a.terms, version);
    await tx.insert(contractVersions).values({
      contractId: id,
      version,
      terms: a.terms,
      document,
      documentHash: documentHash(document),
      changeSummary: changes,
      planVersionId,
      templateId: template.id,
      createdBy: by,
    });
    results.push({
      contractId: id,
      kind: a.kind,
      version,
      outcome: latest ? ("new-version" as const) : ("created" as const),
    });
  }
  return results;
}

/** A contract with its newest version, who has signed it, and its questions and rate requests. */
export async function contractView(db: Db, contractId: string) {
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
  if (!contract) return null;
  const versions = await db
    .select()
    .from(contractVersions)
    .where(eq(contractVersions.contractId, contractId))
    .orderBy(desc(contractVersions.version));
  const current = versions[0];
  if (!current) return null;
  const [signatures, questions, rates] = await inTurn(
    () =>
      db
        .select({ signature: contractSignatures, by: users.displayName })
        .from(contractSignatures)
        .innerJoin(users, eq(users.id, contractSignatures.signedBy))
        .where(eq(contractSignatures.contractVersionId, current.id))
        .orderBy(asc(contractSignatures.signedAt)),
    () =>
      db
        .select()
        .from(contractQuestions)
        .where(eq(contractQuestions.contractId, contractId))
        .orderBy(asc(contractQuestions.askedAt)),
    () =>
      db
        .select()
        .from(rateRequests)
        .where(eq(rateRequests.contractId, contractId))
        .orderBy(desc(rateRequests.raisedAt)),
  );
  const status = contractStatus({
    kind: contract.kind,
    version: current.version,
    documentHash: current.documentHash,
    signedBy: signatures.map((s) => s.signature.party),
  });
  return {
    id: contract.id,
    personId: contract.personId,
    kind: contract.kind,
    providerId: contract.providerId,
    version: current.version,
    versionId: current.id,
    terms: current.terms,
    document: current.document,
    documentHash: current.documentHash,
    /** Whether the stored document still gives the hash it was signed under. */
    verified: documentHash(current.document) === current.documentHash,
    changeSummary: current.changeSummary,
    status: status.active ? ("active" as const) : ("awaiting-signatures" as const),
    waitingFor: status.waitingFor,
    signatures: signatures.map(({ signature: s, by }) => {
      const signature = {
        party: s.party,
        signerName: s.signerName,
        signedAt: s.signedAt,
        documentHash: s.documentHash,
        method: s.method,
        signedOn: s.signedOn,
        /** The officer who recorded a paper signature (online, the signer themselves). */
        recordedBy: s.method === "paper" ? by : null,
      };
      return { ...signature, said: howSigned(signature) };
    }),
    history: versions.map((v) => ({
      version: v.version,
      changeSummary: v.changeSummary,
      createdAt: v.createdAt,
    })),
    questions,
    rateRequests: rates,
  };
}

export async function contractIdsOf(db: Db, personId: string) {
  const rows = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(eq(contracts.personId, personId))
    .orderBy(asc(contracts.createdAt));
  return rows.map((r) => r.id);
}
