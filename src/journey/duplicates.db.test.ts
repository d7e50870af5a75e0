import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Cairn } from "../server";
import { demoUser, startTestCairn, type TestUser } from "../testing/api";

let cairn: Cairn;
let worker: TestUser;
let localityId: string;
beforeAll(async () => {
  cairn = await startTestCairn();
  worker = await demoUser(cairn, "social-worker", "Kirkcaldy");
  localityId = (await worker.get("/api/localities")).body.localities[0].id;
});
afterAll(() => cairn.close());

const referral = (person: object, confirmedNew = false) => ({
  person: {
    givenName: "Isobel",
    familyName: "Reid",
    dateOfBirth: "1948-05-17",
    localityId,
    ...person,
  },
  source: "gp",
  urgency: "routine",
  reason: "Falls",
  confirmedNew,
});
const peopleCount = async () =>
  Number((await cairn.database.query<{ n: string }>("select count(*) as n from people"))[0]?.n);

describe("CHI numbers and possible duplicates", () => {
  it("refuses a CHI number with a bad check digit or the wrong date, naming the field", async () => {
    const before = await peopleCount();
    for (const chi of ["1705481249", "1805481231", "17054812"]) {
      const reply = await worker.post("/api/referrals", referral({ chi }));
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([{ path: "person.chi", message: expect.any(String) }]);
    }
    expect(await peopleCount()).toBe(before);
  });

  it("shows possible duplicates before making a record, and makes it once confirmed", async () => {
    const first = await worker.post("/api/referrals", referral({ chi: "170548 1248" }));
    expect(first.status).toBe(201);
    const before = await peopleCount();
    const similar = await worker.post("/api/referrals", referral({ givenName: "Ishbel" }));
    expect(similar.status).toBe(409);
    expect(similar.body.matches).toEqual([
      expect.objectContaining({
        id: first.body.personId,
        reasons: ["Same family name and date of birth"],
      }),
    ]);
    expect(await peopleCount()).toBe(before);
    const confirmed = await worker.post("/api/referrals", referral({ givenName: "Ishbel" }, true));
    expect(confirmed.status).toBe(201);
    const audit = await cairn.database.query(
      `select 1 from audit_log where action = 'match' and person_id = '${first.body.personId}'`,
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it("never makes a second record with the same CHI number, even when told to", async () => {
    const before = await peopleCount();
    const reply = await worker.post(
      "/api/referrals",
      referral({ givenName: "Someone", familyName: "Else", chi: "1705481248" }, true),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.errors[0].path).toBe("person.chi");
    expect(await peopleCount()).toBe(before);
  });
});
