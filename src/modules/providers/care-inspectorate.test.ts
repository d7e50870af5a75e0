import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { csvRecordsOf } from "../../platform/csv/read";
import { csvText } from "../../platform/csv/write";
import { type RegisteredService, readDatastore } from "./care-inspectorate";

/** Reads a whole text through the streaming reader, in pieces of 100 characters. */
async function parseDatastore(text: string) {
  async function* pieces() {
    for (let i = 0; i < text.length; i += 100) yield text.slice(i, i + 100);
  }
  const services: RegisteredService[] = [];
  const errors: { line: number; message: string }[] = [];
  for await (const row of readDatastore(pieces())) {
    if (row.error !== undefined) errors.push({ line: row.line, message: row.error });
    else services.push(row.service);
  }
  return { services, errors };
}

const sample = readFileSync(
  new URL("./fixtures/care-inspectorate-sample.csv", import.meta.url),
  "utf8",
);
const [header, ...rows] = sample.trimEnd().split("\n");

/** A sample row with one column changed, written by the one CSV writer. */
function withColumn(row: string, column: string, value: string): string {
  const names = csvRecordsOf(header as string)[0]?.fields ?? [];
  const fields = csvRecordsOf(row)[0]?.fields ?? [];
  fields[names.indexOf(column)] = value;
  return csvText([fields]).trimEnd();
}

describe("parseDatastore", () => {
  it("reads every row of the published layout", async () => {
    const { services, errors } = await parseDatastore(sample);
    expect(errors).toEqual([]);
    expect(services).toHaveLength(12);
    const first = services[0];
    expect(first).toMatchObject({
      csNumber: "CS2003006817",
      serviceName: "Leonard Cheshire Fife Day Support Service",
      sector: "Voluntary or Not for Profit",
      councilArea: "Fife",
      registeredPlaces: 12,
    });
    expect(first?.gradedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first?.grades.supportWellbeing).toBe(5);
  });

  it("reports each bad row by its line, with the reason", async () => {
    const bad = [
      header,
      rows[0],
      (rows[1] as string).replace('"CS', '"XX'),
      withColumn(rows[2] as string, "Publication_of_Latest_Grading", "31/02/2026"),
    ].join("\n");
    const { errors } = await parseDatastore(bad);
    expect(errors).toEqual([
      { line: 3, message: expect.stringContaining("is not CS and 10 digits") },
      { line: 4, message: expect.stringContaining("is not a date") },
    ]);
  });

  it("refuses a file in another layout, naming the missing columns", async () => {
    const { errors, services } = await parseDatastore("Name,Town\nA,B\n");
    expect(services).toEqual([]);
    expect(errors[0]?.message).toMatch(/missing column\(s\) CSNumber, CareService/);
  });

  it("reports an unclosed quote and an empty file", async () => {
    expect((await parseDatastore(`${header}\n"CS1,open`)).errors[0]?.message).toMatch(
      /never closed/,
    );
    expect((await parseDatastore("")).errors).toEqual([{ line: 1, message: "The file is empty" }]);
  });
});
