// The hand-written RFC 4180 parser Cairn used before csv-parse and iconv-lite; kept only as the
// baseline bench/csv-run.ts measures against (nothing in src/ uses it).
/** One parsed CSV record with the line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * An incremental RFC 4180 parser: feed it text in pieces of any size and it hands back the
 * records completed so far, so a file of any length is read in constant memory. Quoted fields
 * may hold commas, doubled quotes and newlines.
 */
export class CsvParser {
  private fields: string[] = [];
  private field = "";
  private quoted = false;
  /** A quote seen at the end of a piece: a closing quote, or the first of a doubled pair. */
  private quoteAtEnd = false;
  /** A carriage return seen at the end of a piece, whose \n may start the next. */
  private crAtEnd = false;
  private line = 1;
  private recordLine = 1;

  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (text === "") return records; // an empty piece settles nothing left pending
    let i = 0;
    if (this.crAtEnd) {
      this.crAtEnd = false;
      if (text[0] === "\n") i = 1;
    }
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text[0] === '"') {
        this.field += '"';
        i = 1;
      } else this.quoted = false;
    }
    for (; i < text.length; i++) {
      const c = text[i];
      if (this.quoted) {
        if (c === '"') {
          if (i + 1 === text.length) this.quoteAtEnd = true;
          else if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else this.quoted = false;
        } else {
          if (c === "\n") this.line++;
          this.field += c;
        }
      } else if (c === '"') this.quoted = true;
      else if (c === ",") {
        this.fields.push(this.field);
        this.field = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r") {
          if (i + 1 === text.length) this.crAtEnd = true;
          else if (text[i + 1] === "\n") i++;
        }
        records.push(this.endRecord());
      } else this.field += c;
    }
    return records;
  }

  /** The last record, if the text did not end with a newline; throws on an open quote. */
  end(): CsvRecord[] {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.quoted) throw new Error(`line ${this.recordLine}: a quoted field is never closed`);
    return this.field !== "" || this.fields.length > 0 ? [this.endRecord()] : [];
  }

  private endRecord(): CsvRecord {
    this.fields.push(this.field);
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    this.field = "";
    this.line++;
    this.recordLine = this.line;
    return record;
  }
}

/** Parses a whole CSV text. Throws with the line number when a quote is left open. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Records of a CSV read piece by piece, as they complete. */
export async function* csvRecords(pieces: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  for await (const piece of pieces) yield* parser.push(piece);
  yield* parser.end();
}

/** Records as objects keyed by the header row (a byte-order mark is dropped). */
export async function* csvRows(
  pieces: AsyncIterable<string>,
): AsyncGenerator<{ line: number; row: Record<string, string> }> {
  let header: string[] | undefined;
  for await (const { line, fields } of csvRecords(pieces)) {
    if (!header) {
      header = fields.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, "") : name));
      continue;
    }
    const names = header;
    yield { line, row: Object.fromEntries(names.map((name, i) => [name, fields[i] ?? ""])) };
  }
}

/** Records as objects keyed by the header row, from a whole text. */
export function csvObjects(text: string): { line: number; row: Record<string, string> }[] {
  const [header, ...rest] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) return [];
  return rest.map(({ line, fields }) => ({
    line,
    row: Object.fromEntries(header.fields.map((name, i) => [name, fields[i] ?? ""])),
  }));
}
