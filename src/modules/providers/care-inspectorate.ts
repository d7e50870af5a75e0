import { csvRecords } from "../../platform/csv/read";

// The Care Inspectorate's datastore (MDSF) of registered care services, in its published layout.

/** The key questions graded 1 (unsatisfactory) to 6 (excellent), by their datastore columns. */
export const KEY_QUESTIONS = {
  supportWellbeing: "KQ_Support_Wellbeing",
  carePlanning: "KQ_Care_and_Support_Planning",
  setting: "KQ_Setting",
  staffTeam: "KQ_Staff_Team",
  leadership: "KQ_Leadership",
  carePlayLearning: "KQ_Care_Play_and_Learning",
} as const;
type KeyQuestion = keyof typeof KEY_QUESTIONS;

const COLUMNS = [
  "CSNumber",
  "CareService",
  "Subtype",
  "ServiceType",
  "ServiceName",
  "Service_town",
  "Service_Postcode",
  "ServiceProvider",
  "ServiceStatus",
  "Council_Area_Name",
  "Registered_Places",
  "MinGrade",
  "Publication_of_Latest_Grading",
  ...Object.values(KEY_QUESTIONS),
] as const;

export interface RegisteredService {
  csNumber: string;
  serviceName: string;
  careService: string;
  subtype: string;
  sector: string;
  providerName: string;
  status: string;
  councilArea: string;
  town: string;
  postcode: string;
  registeredPlaces: number | null;
  minGrade: number | null;
  /** When the latest grades were published (ISO date), or null if never graded. */
  gradedOn: string | null;
  grades: Record<KeyQuestion, number | null>;
}

const grade = (text: string) =>
  text === "" ? null : /^[1-6]$/.test(text) ? Number(text) : Number.NaN;

/** "19/05/2026" as "2026-05-19", or null when empty; undefined when it is not a real date. */
function ukDate(text: string): string | null | undefined {
  if (text === "") return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

export type DatastoreRow =
  | { line: number; service: RegisteredService; error?: undefined }
  | { line: number; error: string; service?: undefined };

/**
 * Reads a datastore file row by row as it arrives: each registered service, or the line of a
 * row that cannot be read and why. A file in another layout gives one error and nothing else.
 */
export async function* readDatastore(pieces: AsyncIterable<string>): AsyncGenerator<DatastoreRow> {
  let header: string[] | undefined;
  try {
    for await (const { line, fields } of csvRecords(pieces)) {
      if (!header) {
        header = fields; // csv-parse drops a byte-order mark
        const missing = COLUMNS.filter((c) => !header?.includes(c));
        if (missing.length > 0) {
          yield {
            line,
            error: `Not the datastore layout: missing column(s) ${missing.join(", ")}`,
          };
          return;
        }
        continue;
      }
      const row = Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ""]));
      const problems = rowProblems(row);
      yield problems.length > 0
        ? { line, error: problems.join("; ") }
        : { line, service: toService(row) };
    }
  } catch (error) {
    yield { line: 0, error: (error as Error).message };
    return;
  }
  if (!header) yield { line: 1, error: "The file is empty" };
}

function rowProblems(row: Record<string, string>): string[] {
  const problems: string[] = [];
  if (!/^CS\d{10}$/.test(row.CSNumber ?? ""))
    problems.push(`CSNumber "${row.CSNumber}" is not CS and 10 digits`);
  if (!row.ServiceName) problems.push("ServiceName is empty");
  for (const column of [...Object.values(KEY_QUESTIONS), "MinGrade"]) {
    if (Number.isNaN(grade(row[column] ?? "")))
      problems.push(`${column} "${row[column]}" is not a grade from 1 to 6`);
  }
  if (row.Registered_Places && !/^\d+$/.test(row.Registered_Places)) {
    problems.push(`Registered_Places "${row.Registered_Places}" is not a whole number`);
  }
  if (ukDate(row.Publication_of_Latest_Grading ?? "") === undefined) {
    problems.push(
      `Publication_of_Latest_Grading "${row.Publication_of_Latest_Grading}" is not a date (dd/mm/yyyy)`,
    );
  }
  return problems;
}

function toService(row: Record<string, string>): RegisteredService {
  const value = (column: string) => row[column] ?? "";
  return {
    csNumber: value("CSNumber"),
    serviceName: value("ServiceName"),
    careService: value("CareService"),
    subtype: value("Subtype"),
    sector: value("ServiceType"),
    providerName: value("ServiceProvider"),
    status: value("ServiceStatus"),
    councilArea: value("Council_Area_Name"),
    town: value("Service_town"),
    postcode: value("Service_Postcode"),
    registeredPlaces: row.Registered_Places ? Number(row.Registered_Places) : null,
    minGrade: grade(value("MinGrade")),
    gradedOn: ukDate(value("Publication_of_Latest_Grading")) ?? null,
    grades: Object.fromEntries(
      Object.entries(KEY_QUESTIONS).map(([key, column]) => [key, grade(value(column))]),
    ) as Record<KeyQuestion, number | null>,
  };
}
