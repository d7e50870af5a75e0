import { csvObjects } from "../../platform/csv/parse";

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

export interface RowError {
  line: number;
  message: string;
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

/**
 * Reads a datastore file into registered services, or reports every row that cannot be read
 * by its line number and the reason (the caller imports nothing unless there are none).
 */
export function parseDatastore(text: string): {
  services: RegisteredService[];
  errors: RowError[];
} {
  let records: ReturnType<typeof csvObjects>;
  try {
    records = csvObjects(text);
  } catch (error) {
    return { services: [], errors: [{ line: 0, message: (error as Error).message }] };
  }
  const header = Object.keys(records[0]?.row ?? {});
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (records.length === 0)
    return { services: [], errors: [{ line: 1, message: "The file has no rows" }] };
  if (missing.length > 0) {
    return {
      services: [],
      errors: [
        { line: 1, message: `Not the datastore layout: missing column(s) ${missing.join(", ")}` },
      ],
    };
  }
  const services: RegisteredService[] = [];
  const errors: RowError[] = [];
  for (const { line, row } of records) {
    const problems = rowProblems(row);
    if (problems.length > 0) {
      errors.push({ line, message: problems.join("; ") });
      continue;
    }
    services.push(toService(row));
  }
  return { services, errors };
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

/** The datastore is published in Windows-1252; accept UTF-8 too. */
export function decodeDatastore(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
