import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRecordsOf } from "../../platform/csv/read";
import { csvText } from "../../platform/csv/write";
import type { Cairn } from "../../server";
import { demoUser, startTestCairn, type TestUser } from "../../testing/api";

const sample = readFileSync(
  new URL("./fixtures/care-inspectorate-sample.csv", import.meta.url),
  "utf8",
);
const [header, ...rows] = sample.trimEnd().split("\n") as [string, ...string[]];
const row = (i: number) => rows[i] as string;
const names = csvRecordsOf(header)[0]?.fields ?? [];

/** A sample row with some columns changed, written by the one CSV writer. */
function withColumns(row: string, changes: Record<string, string>): string {
  const fields = csvRecordsOf(row)[0]?.fields ?? [];
  for (const [column, value] of Object.entries(changes)) fields[names.indexOf(column)] = value;
  return csvText([fields]).trimEnd();
}

let cairn: Cairn;
let commissioner: TestUser;
beforeAll(async () => {
  cairn = await startTestCairn();
  commissioner = await demoUser(cairn, "commissioner");
});
afterAll(() => cairn.close());

const importCsv = (csv: string | Buffer, as = commissioner) =>
  cairn.app.inject({
    method: "POST",
    url: "/api/care-inspectorate/imports?fileName=MDSF.csv",
    payload: csv,
    headers: { "content-type": "text/csv", cookie: as.cookieHeader, "x-csrf-token": as.csrfToken },
  });
const gradings = async () =>
  Number(
    (
      await cairn.database.query<{ n: string }>(
        "select count(*) as n from care_inspectorate_gradings",
      )
    )[0]?.n,
  );

describe("importing the Care Inspectorate datastore", () => {
  it("imports the published layout, matches providers, and a second import adds nothing", async () => {
    const first = await importCsv(sample);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ rows: 12, added: 12, unchanged: 0 });
    expect(first.json().matchedProviders).toBeGreaterThan(0);
    const again = await importCsv(sample);
    expect(again.json()).toMatchObject({ rows: 12, added: 0, unchanged: 12 });
    expect(await gradings()).toBe(12);
  });

  it("keeps grade history: a newer file adds the new grading and updates the provider", async () => {
    const csNumber = csvRecordsOf(row(0))[0]?.fields[0] as string;
    const newer = [
      header,
      withColumns(row(0), {
        Publication_of_Latest_Grading: "01/11/2026",
        MinGrade: "2",
        KQ_Support_Wellbeing: "2",
      }),
      ...rows.slice(1),
    ].join("\n");
    const reply = await importCsv(newer);
    expect(reply.json()).toMatchObject({ rows: 12, added: 1 });
    const history = await cairn.database.query<{ graded_on: string; min_grade: number }>(
      `select graded_on, min_grade from care_inspectorate_gradings where cs_number = '${csNumber}' order by graded_on`,
    );
    expect(history.map((h) => h.graded_on).at(-1)).toBe("2026-11-01");
    expect(history).toHaveLength(2);
    const [provider] = await cairn.database.query<{ min_grade: number }>(
      `select min_grade from providers where care_inspectorate_number = '${csNumber}'`,
    );
    expect(provider?.min_grade).toBe(2);
  });

  it("imports nothing from a file with bad rows, and says which lines and why", async () => {
    const before = await gradings();
    const bad = [
      header,
      withColumns(row(1), { Publication_of_Latest_Grading: "02/03/2027", CSNumber: "CS123" }),
      withColumns(row(2), { KQ_Staff_Team: "7" }),
      rows[3],
    ].join("\n");
    const reply = await importCsv(bad);
    expect(reply.statusCode).toBe(400);
    expect(reply.json().errors).toEqual([
      { path: "line.2", message: expect.stringContaining('CSNumber "CS123"') },
      {
        path: "line.3",
        message: expect.stringContaining('KQ_Staff_Team "7" is not a grade from 1 to 6'),
      },
    ]);
    expect(await gradings()).toBe(before);
  });

  it("reads a Windows-1252 file, and refuses one with a header but no rows", async () => {
    const accented = withColumns(row(4), {
      ServiceName: "Caf\u00e9 Connect \u2013 Fife",
      Publication_of_Latest_Grading: "03/11/2026",
    });
    const bytes = Buffer.from(
      [...`${header}\n${accented}\n`].map((c) => (c === "\u2013" ? 0x96 : c.charCodeAt(0))),
    );
    const reply = await importCsv(bytes);
    expect(reply.statusCode).toBe(201);
    expect(reply.json()).toMatchObject({ rows: 1, added: 1 });
    const [graded] = await cairn.database.query<{ service_name: string }>(
      "select service_name from care_inspectorate_gradings where graded_on = '2026-11-03'",
    );
    expect(graded?.service_name).toBe("Caf\u00e9 Connect \u2013 Fife");
    const empty = await importCsv(`${header}\n`);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message).toMatch(/no rows/);
  });

  it("is for commissioners and administrators only", async () => {
    const worker = await demoUser(cairn, "social-worker");
    expect((await importCsv(sample, worker)).statusCode).toBe(403);
  });
});
