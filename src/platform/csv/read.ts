import { pipeline, Readable } from "node:stream";
import { CsvError, type Options, parse } from "csv-parse";
import { parse as parseWhole } from "csv-parse/sync";

// Reading CSV (RFC 4180) through csv-parse: streamed for uploads of any size, whole for small ones.

/** One CSV record with the line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvRow = { line: number; row: Record<string, string> };

// Short rows are padded by the caller (a missing field reads as empty); any line ending is one.
const OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  record_delimiter: ["\r\n", "\n", "\r"],
};

/**
 * The line each record starts on. csv-parse's own count takes a quoted \r\n as two lines, so
 * lines are counted here: one per record, and one more per newline inside its fields.
 */
class LineCounter {
  /** Where the record being read starts. */
  next = 1;
  /** Start lines of the records read and not yet taken, in order. */
  private starts: number[] = [];
  /** Options that count each record's lines as the parser reads it (before any error). */
  readonly options: Options = {
    ...OPTIONS,
    on_record: (fields) => {
      this.starts.push(this.next);
      this.next += 1 + fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
      return fields;
    },
  };
  take(fields: string[]): CsvRecord {
    return { line: this.starts.shift() as number, fields };
  }
}

const REASONS: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field is never closed",
  CSV_INVALID_CLOSING_QUOTE: "a closing quote is followed by more text before the comma",
  INVALID_OPENING_QUOTE: "a quote inside a field that does not start with one",
};

/** A parse error named by the line of the record it is in, in plain words. */
function described(error: unknown, line: number): unknown {
  if (!(error instanceof CsvError)) return error;
  return new Error(`line ${line}: ${REASONS[error.code] ?? error.message}`);
}

/** Records of a CSV read piece by piece, as they complete, in constant memory. */
export async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const lines = new LineCounter();
  const parser = parse(lines.options);
  pipeline(Readable.from(text), parser, () => {}); // errors reach the loop below through parser
  try {
    for await (const fields of parser as AsyncIterable<string[]>) yield lines.take(fields);
  } catch (error) {
    throw described(error, lines.next);
  }
}

/** A whole CSV text's records. Throws, naming the line, when it cannot be read. */
export function csvRecordsOf(text: string): CsvRecord[] {
  const lines = new LineCounter();
  try {
    const all: string[][] = parseWhole(text, lines.options);
    return all.map((fields) => lines.take(fields));
  } catch (error) {
    throw described(error, lines.next);
  }
}

/** A whole CSV text's rows keyed by its header row. */
export function csvObjects(text: string): CsvRow[] {
  const [header, ...rest] = csvRecordsOf(text);
  if (!header) return [];
  return rest.map(({ line, fields }) => ({ line, row: keyed(header.fields, fields) }));
}

const keyed = (header: string[], fields: string[]) =>
  Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ""]));
