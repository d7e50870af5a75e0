/** One parsed CSV record with the line it starts on (1-based), for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines.
 * Throws with the line number when a quote is left open.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) throw new Error(`line ${recordLine}: a quoted field is never closed`);
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** Records as objects keyed by the header row. */
export function csvObjects(text: string): { line: number; row: Record<string, string> }[] {
  const [header, ...rest] = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!header) return [];
  return rest.map(({ line, fields }) => ({
    line,
    row: Object.fromEntries(header.fields.map((name, i) => [name, fields[i] ?? ""])),
  }));
}
