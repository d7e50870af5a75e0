import { sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  demoUser,
  OWN_PASSWORD,
  setOwnPassword,
  startTestCairn,
  type TestCairn,
  TestUser,
} from "../../testing/api";
import { journey } from "../../testing/journey";
import { prune } from "./store";

// Issue 13, what a data protection officer needs: subject access, retention and erasure with
// four eyes, pruning, ending a representative's authority, moving a leaver's caseload.

let cairn: TestCairn;
let admin: TestUser;
let secondAdmin: TestUser;
let adminId: string;
let secondAdminId: string;
let localityId: string;

const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  cairn.database.query<T>(text, params);

beforeAll(async () => {
  cairn = await startTestCairn();
  admin = await demoUser(cairn, "administrator");
  adminId = (await admin.get("/api/session")).body.user.id;
  // The demo has one administrator; a council has more. A second, with the same password.
  const [second] = await q<{ id: string; email: string }>(
    `insert into users (email, display_name, role, password_hash)
     select 'second.admin@example.test', 'Second Administrator', 'administrator', password_hash
     from users where id = $1 returning id, email`,
    [adminId],
  );
  secondAdminId = (second as { id: string }).id;
  secondAdmin = new TestUser(cairn);
  expect((await secondAdmin.signIn("second.admin@example.test")).status).toBe(200);
  localityId = (await admin.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

/** A person inserted as if recorded long ago, with nothing done on their record since. */
async function quietPerson(givenName: string, createdAt = "2015-03-01T10:00:00Z") {
  const [row] = await q<{ id: string }>(
    `insert into people (given_name, family_name, date_of_birth, locality_id, created_at)
     values ($1, 'Longago', '1940-05-17', $2, $3) returning id`,
    [givenName, localityId, createdAt],
  );
  return (row as { id: string }).id;
}

describe("subject access", () => {
  it("gives an administrator one zip of every version, the letters and who read or changed the record", async () => {
    const j = await journey(cairn).signed();
    await j.person.get(`/api/people/${j.personId}`);
    const reply = await cairn.app.inject({
      method: "GET",
      url: `/api/people/${j.personId}/subject-access.zip`,
      headers: { cookie: admin.cookieHeader },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(reply.rawPayload));
    expect(Object.keys(files).sort()).toEqual([
      "index.html",
      "letters/budget.pdf",
      "letters/eligibility-decision.pdf",
      "record.json",
    ]);
    const record = JSON.parse(strFromU8(files["record.json"] as Uint8Array));
    expect(record.person[0].givenName).toBe(j.givenName);
    for (const key of [
      "referrals",
      "assessmentVersions",
      "eligibilityDecisions",
      "budgetEntries",
      "planVersions",
      "contracts",
      "contractVersions",
      "contractSignatures",
      "ledgerAccounts",
    ])
      expect(record[key].length, key).toBeGreaterThan(0);
    // Sections for what later findings hold about a person are there too, even when empty.
    for (const key of ["bankDetailVersions", "returnLineDecisions", "paymentRunLines"])
      expect(Array.isArray(record[key]), key).toBe(true);
    // Who read the record: the person's own read just now is in it.
    expect(
      record.auditLog.some(
        (e: { action: string; actorRole: string }) =>
          e.action === "read" && e.actorRole === "supported-person",
      ),
    ).toBe(true);
    const html = strFromU8(files["index.html"] as Uint8Array);
    expect(html).toContain(`Everything Cairn holds about ${j.givenName} ${j.familyName}`);
    expect(html).not.toContain("<script");
    expect(strFromU8((files["letters/budget.pdf"] as Uint8Array).slice(0, 5))).toBe("%PDF-");
    // The export itself is audited on the person's record.
    const [audited] = await q<{ n: number }>(
      `select count(*)::int as n from audit_log where person_id = $1 and resource_type = 'data-protection'
       and action = 'read' and outcome = 'allowed' and actor_user_id = $2`,
      [j.personId, adminId],
    );
    expect(audited?.n).toBe(1);
  });

  it("refuses the case holder, and the person search is the administrator's", async () => {
    const j = await journey(cairn).referred();
    expect((await j.worker.get(`/api/people/${j.personId}/subject-access.zip`)).status).toBe(403);
    const found = await admin.get(
      `/api/data-protection/people?search=${encodeURIComponent(j.familyName)}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.people.map((p: { id: string }) => p.id)).toContain(j.personId);
    expect((await j.worker.get("/api/data-protection/people?search=a")).status).toBe(403);
  });
});

describe("retention settings", () => {
  it("are the administrator's to set; bad input is a 400 naming the field, nothing changed", async () => {
    const before = (await admin.get("/api/retention-settings")).body;
    expect(before.closedCaseYears).toBeGreaterThan(0);
    const bad = await admin.send("PUT", "/api/retention-settings", {
      ...before,
      signInAttemptDays: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["signInAttemptDays"]);
    expect((await admin.get("/api/retention-settings")).body).toEqual(before);
    const periods = {
      closedCaseYears: 7,
      signInAttemptDays: 90,
      expiredSessionDays: 30,
      selfReferralDays: 365,
    };
    const set = await admin.send("PUT", "/api/retention-settings", periods);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ ...periods, updatedBy: expect.any(String) });
    const worker = await demoUser(cairn, "social-worker");
    expect((await worker.send("PUT", "/api/retention-settings", periods)).status).toBe(403);
  });
});

describe("erasure of a closed case past retention", () => {
  it("lists the quiet case for review, refuses a recent one, and needs a second administrator", async () => {
    const personId = await quietPerson("Agnes");
    const review = await admin.get("/api/retention-review");
    expect(review.status).toBe(200);
    expect(review.body.due.map((p: { id: string }) => p.id)).toContain(personId);

    const recent = await journey(cairn).referred();
    expect(review.body.due.map((p: { id: string }) => p.id)).not.toContain(recent.personId);
    const tooSoon = await admin.post(`/api/people/${recent.personId}/erasures`, {
      reason: "Asked",
    });
    expect(tooSoon.status).toBe(409);

    const proposed = await admin.post(`/api/people/${personId}/erasures`, {
      reason: "Closed case past six years",
    });
    expect(proposed.status).toBe(201);
    const again = await secondAdmin.post(`/api/people/${personId}/erasures`, { reason: "Again" });
    expect(again.status).toBe(409);

    const own = await admin.post(`/api/erasures/${proposed.body.id}/approval`, {});
    expect(own.status).toBe(409);
    expect(own.body.detail).toMatch(/different person must approve/);
    const [still] = await q<{ given_name: string }>("select given_name from people where id = $1", [
      personId,
    ]);
    expect(still?.given_name).toBe("Agnes");

    const approved = await secondAdmin.post(`/api/erasures/${proposed.body.id}/approval`, {});
    expect(approved.status).toBe(200);
    const [erased] = await q<{ given_name: string; date_of_birth: string; chi: string | null }>(
      "select given_name, date_of_birth::text, chi from people where id = $1",
      [personId],
    );
    expect(erased).toEqual({ given_name: "[erased]", date_of_birth: "1940-01-01", chi: null });
    // Gone from the review list; the erasure itself is on record, audited by both people.
    const after = (await admin.get("/api/retention-review")).body;
    expect(after.due.map((p: { id: string }) => p.id)).not.toContain(personId);
    const entries = await q<{ action: string; actor_user_id: string }>(
      `select action, actor_user_id from audit_log where person_id = $1 and resource_type = 'data-protection'
       and outcome = 'allowed' and action in ('create', 'approve') order by id`,
      [personId],
    );
    expect(entries).toEqual([
      { action: "create", actor_user_id: adminId },
      { action: "approve", actor_user_id: secondAdminId },
    ]);
  });

  it("two administrators proposing at once make one erasure (a unique index), the other a 409", async () => {
    const personId = await quietPerson("Catriona");
    const replies = await Promise.all(
      [admin, secondAdmin].map((a) =>
        a.post(`/api/people/${personId}/erasures`, { reason: "Closed case past retention" }),
      ),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
    const [count] = await q<{ n: number }>(
      "select count(*)::int as n from erasures where person_id = $1",
      [personId],
    );
    expect(count?.n).toBe(1);
  });

  it("the database itself refuses an erasure approved by its proposer", async () => {
    const personId = await quietPerson("Bessie");
    await expect(
      q(
        `insert into erasures (person_id, reason, proposed_by, approved_by, approved_at)
         values ($1, 'x', $2, $2, now())`,
        [personId, adminId],
      ),
    ).rejects.toThrow(/erasures_four_eyes/);
  });

  it("anonymises a whole journey, append-only rows included, keeping the money and the audit", async () => {
    const j = await journey(cairn).signed();
    const money = `select (select sum(annual_amount_pence)::text from budget_entries where person_id = $1) as budgets,
      (select count(*)::int from audit_log where person_id = $1) as audit`;
    const [before] = await q<{ budgets: string; audit: number }>(money, [j.personId]);
    // The case is recent, so it is proposed here as the review would after six quiet years.
    const [proposal] = await q<{ id: string }>(
      "insert into erasures (person_id, reason, proposed_by) values ($1, 'Past retention', $2) returning id",
      [j.personId, adminId],
    );
    const approved = await secondAdmin.post(
      `/api/erasures/${(proposal as { id: string }).id}/approval`,
      {},
    );
    expect(approved.status).toBe(200);

    const [after] = await q<{ budgets: string; audit: number }>(money, [j.personId]);
    expect(after?.budgets).toBe(before?.budgets);
    expect(after?.audit).toBeGreaterThan(before?.audit as number);
    const texts = await q<{ t: string }>(
      `select reason as t from budget_entries where person_id = $1
       union all select content->>'summary' from assessment_versions v join assessments a on a.id = v.assessment_id where a.person_id = $1
       union all select change_summary from plan_versions where person_id = $1
       union all select terms->>'person' from contract_versions v join contracts c on c.id = v.contract_id where c.person_id = $1
       union all select reason from referrals where person_id = $1`,
      [j.personId],
    );
    expect(texts.length).toBeGreaterThan(4);
    expect(new Set(texts.map((r) => r.t))).toEqual(new Set(["[erased]"]));
    const [names] = await q<{ n: number }>(
      `select count(*)::int as n from contract_signatures s join contract_versions v on v.id = s.contract_version_id
       join contracts c on c.id = v.contract_id where c.person_id = $1 and s.party = 'person' and s.signer_name <> '[erased]'`,
      [j.personId],
    );
    expect(names?.n).toBe(0);
    // Their own sign-in no longer works.
    expect((await j.person.get(`/api/people/${j.personId}`)).status).toBe(401);
    // And the append-only rows are closed again, even to the owner: the erasure is complete.
    await expect(
      cairn.database.asOwner("update budget_entries set reason = 'changed' where person_id = $1", [
        j.personId,
      ]),
    ).rejects.toThrow(/append-only/);
  });

  it("reaches the rows kept as recorded: a return line's words go, its hours and money stay", async () => {
    const j = await journey(cairn)
      .budget("7831.20")
      .plan({ option: "2" })
      .signed()
      .allocated("2026-12")
      .returned("2026-12", { planned: "26", delivered: "20" });
    const lines = `select l.description, l.pence::text, l.delivered_minutes from provider_return_lines l
      join provider_returns r on r.id = l.return_id join contracts c on c.id = r.contract_id
      where c.person_id = $1 order by l.line_number`;
    const before = await q<{ description: string; pence: string }>(lines, [j.personId]);
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((l) => l.description !== "[erased]")).toBe(true);
    const [proposal] = await q<{ id: string }>(
      "insert into erasures (person_id, reason, proposed_by) values ($1, 'Past retention', $2) returning id",
      [j.personId, adminId],
    );
    const approved = await secondAdmin.post(`/api/erasures/${proposal?.id}/approval`, {});
    expect(approved.status).toBe(200);
    const after = await q<{ description: string; pence: string }>(lines, [j.personId]);
    expect(after.map((l) => l.description)).toEqual(before.map(() => "[erased]"));
    expect(after.map(({ description: _, ...kept }) => kept)).toEqual(
      before.map(({ description: _, ...kept }) => kept),
    );
  });

  it("the append-only exception opens only the approved erasure's person, only its text, never a delete", async () => {
    const j = await journey(cairn).budget("5200.00");
    const other = await journey(cairn).budget("6100.00");
    const [open] = await q<{ id: string }>(
      `insert into erasures (person_id, reason, proposed_by, approved_by, approved_at)
       values ($1, 'x', $2, $3, now()) returning id`,
      [j.personId, adminId, secondAdminId],
    );
    const [unapproved] = await q<{ id: string }>(
      "insert into erasures (person_id, reason, proposed_by) values ($1, 'x', $2) returning id",
      [other.personId, adminId],
    );
    // On PostgreSQL the app role has no UPDATE or DELETE on these tables at all (the grants
    // refuse first); the triggers' own rule shows on PGlite, whose one role owns them.
    const refused = /append-only|permission denied/;
    // What the database said (drizzle wraps it as the cause).
    const inTx = (flag: string, statement: string, personId: string) =>
      cairn.database.db
        .transaction(async (tx) => {
          await tx.execute(sql`select set_config('cairn.erasure', ${flag}, true)`);
          await tx.execute(sql.raw(statement.replace("$1", `'${personId}'`)));
        })
        .catch((error: Error & { cause?: Error }) => {
          throw new Error(error.cause?.message ?? error.message);
        });
    const openId = (open as { id: string }).id;
    // Another person's rows: refused.
    await expect(
      inTx(openId, "update budget_entries set reason = 'x' where person_id = $1", other.personId),
    ).rejects.toThrow(refused);
    // Money: refused, even for the erasure's person.
    await expect(
      inTx(
        openId,
        "update budget_entries set annual_amount_pence = 1 where person_id = $1",
        j.personId,
      ),
    ).rejects.toThrow(refused);
    // Delete: refused.
    await expect(
      inTx(openId, "delete from budget_entries where person_id = $1", j.personId),
    ).rejects.toThrow(refused);
    // An erasure not approved opens nothing.
    await expect(
      inTx(
        (unapproved as { id: string }).id,
        "update budget_entries set reason = 'x' where person_id = $1",
        other.personId,
      ),
    ).rejects.toThrow(refused);
    // The function refuses an erasure not approved.
    await expect(
      q("select cairn_anonymise_person($1, $2)", [
        other.personId,
        (unapproved as { id: string }).id,
      ]),
    ).rejects.toThrow(/not approved/);
  });
});

describe("pruning on schedule", () => {
  it("deletes sign-in attempts, expired sessions and never-accepted self-referrals past retention, audited as counts", async () => {
    await q("delete from retention_settings");
    const [user] = await q<{ id: string }>(
      "select id from users where role = 'finance-officer' limit 1",
    );
    const userId = (user as { id: string }).id;
    await q(
      `insert into login_attempts (email, ip, succeeded, at) values
       ('old@example.test', '10.0.0.1', false, now() - interval '100 days'),
       ('new@example.test', '10.0.0.1', false, now() - interval '10 days')`,
    );
    await q(
      `insert into sessions (token_hash, user_id, csrf_token, expires_at) values
       ('prune-old', $1, 'c', now() - interval '40 days'), ('prune-new', $1, 'c', now() - interval '2 days')`,
      [userId],
    );
    await q(
      `insert into self_referrals (given_name, family_name, date_of_birth, locality_id, contact, what_matters, choice_and_control, received_at) values
       ('Old', 'Unaccepted', '1950-01-01', $1, 'phone', 'x', 'some', now() - interval '400 days'),
       ('New', 'Unaccepted', '1950-01-01', $1, 'phone', 'x', 'some', now() - interval '20 days')`,
      [localityId],
    );
    const pruned = await prune(cairn.database.db);
    expect(pruned.signInAttempts).toBeGreaterThanOrEqual(1);
    expect(pruned.sessions).toBe(1);
    expect(pruned.selfReferrals).toBe(1);
    const left = await q<{ what: string }>(
      `select email as what from login_attempts where email in ('old@example.test', 'new@example.test')
       union all select token_hash from sessions where token_hash like 'prune-%'
       union all select given_name from self_referrals where family_name = 'Unaccepted'`,
    );
    expect(left.map((r) => r.what).sort()).toEqual(["New", "new@example.test", "prune-new"]);
    const [audited] = await q<{ detail: { sessions: number; selfReferrals: number } }>(
      "select detail from audit_log where action = 'prune' and resource_type = 'retention' order by id desc limit 1",
    );
    expect(audited?.detail).toMatchObject({ sessions: 1, selfReferrals: 1 });
  });
});

describe("ending a representative's authority", () => {
  it("stops their access at once, keeps the row, and is refused twice or in the future", async () => {
    const j = await journey(cairn).referred();
    const made = await j.worker.post(`/api/people/${j.personId}/accounts`, {
      kind: "representative",
      email: `rep.${j.personId.slice(0, 8)}@example.test`,
      displayName: "Fiona Rep",
      relationship: "Daughter",
      authority: "welfare-power-of-attorney",
    });
    expect(made.status).toBe(201);
    expect((await setOwnPassword(cairn, made.body.link)).status).toBe(200);
    const rep = new TestUser(cairn);
    expect((await rep.signIn(made.body.email, OWN_PASSWORD)).status).toBe(200);
    expect((await rep.get(`/api/people/${j.personId}`)).status).toBe(200);
    const record = (await j.worker.get(`/api/people/${j.personId}`)).body;
    const repId = record.representatives[0].id;
    const url = `/api/people/${j.personId}/representatives/${repId}/end`;

    expect((await rep.post(url, { endedOn: "2026-01-01", reason: "I quit" })).status).toBe(403);
    expect((await j.provider.post(url, { endedOn: "2026-01-01", reason: "x" })).status).toBe(403);
    const blank = await j.worker.post(url, { endedOn: "2026-01-01", reason: " " });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].path).toBe("reason");
    const future = await j.worker.post(url, { endedOn: "2999-01-01", reason: "Revoked" });
    expect(future.status).toBe(409);

    const ended = await j.worker.post(url, {
      endedOn: "2026-01-01",
      reason: "Power of attorney revoked by the court",
    });
    expect(ended.status).toBe(200);
    // The same session, the next request: refused.
    expect((await rep.get(`/api/people/${j.personId}`)).status).toBe(403);
    expect((await j.worker.post(url, { endedOn: "2026-01-01", reason: "Again" })).status).toBe(409);
    const kept = await q<{ ended_on: string; end_reason: string }>(
      "select ended_on::text, end_reason from representatives where id = $1",
      [repId],
    );
    expect(kept).toEqual([
      { ended_on: "2026-01-01", end_reason: "Power of attorney revoked by the court" },
    ]);
    expect((await j.worker.get(`/api/people/${j.personId}`)).body.representatives).toEqual([]);
  });
});

describe("moving a leaver's caseload", () => {
  it("moves all, or the chosen, people to another worker in one go, audited per person", async () => {
    const a = await journey(cairn).referred();
    const b = await journey(cairn).referred();
    const c = await journey(cairn).referred();
    const fromWorkerId = (await a.worker.get("/api/session")).body.user.id;
    const ravi = await demoUser(cairn, "social-worker", "Dunfermline");
    const toWorkerId = (await ravi.get("/api/session")).body.user.id;

    const loads = (await admin.get("/api/caseloads")).body.workers;
    const from = loads.find((w: { id: string }) => w.id === fromWorkerId);
    expect(from.people.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([a.personId, b.personId, c.personId]),
    );

    // A manager of another team may not move this worker's caseload.
    const otherManager = await demoUser(cairn, "team-manager", "Dunfermline");
    const refused = await otherManager.post("/api/caseloads/move", { fromWorkerId, toWorkerId });
    expect(refused.status).toBe(409);
    // Someone not on the caseload: nothing moves.
    const stranger = await quietPerson("Stranger");
    const wrong = await admin.post("/api/caseloads/move", {
      fromWorkerId,
      toWorkerId,
      personIds: [a.personId, stranger],
    });
    expect(wrong.status).toBe(409);
    expect((await ravi.get(`/api/people/${a.personId}`)).status).toBe(403);

    const moved = await admin.post("/api/caseloads/move", {
      fromWorkerId,
      toWorkerId,
      personIds: [a.personId, b.personId],
    });
    expect(moved.status).toBe(200);
    expect(moved.body.personIds.sort()).toEqual([a.personId, b.personId].sort());
    expect((await ravi.get(`/api/people/${a.personId}`)).status).toBe(200);
    expect((await a.worker.get(`/api/people/${a.personId}`)).status).toBe(403);
    expect((await a.worker.get(`/api/people/${c.personId}`)).status).toBe(200);
    const audited = await q<{ person_id: string }>(
      `select person_id from audit_log where resource_type = 'caseload' and action = 'update'
       and outcome = 'allowed' and person_id in ($1, $2, $3)`,
      [a.personId, b.personId, c.personId],
    );
    expect(audited.map((r) => r.person_id).sort()).toEqual([a.personId, b.personId].sort());

    // Back again, all at once (c too), by the worker's own manager... within the team only.
    const finance = await q<{ id: string }>(
      "select id from users where role = 'finance-officer' limit 1",
    );
    const notAWorker = await admin.post("/api/caseloads/move", {
      fromWorkerId: toWorkerId,
      toWorkerId: (finance[0] as { id: string }).id,
    });
    expect(notAWorker.status).toBe(409);
  });
});
