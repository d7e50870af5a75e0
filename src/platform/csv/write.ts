import { stringify } from "csv-stringify/sync";

// Every CSV Cairn writes (payment files, RAS impact, benchmark datastores) goes through here.

export type CsvCell = string | number;

/** A plain number, which a spreadsheet reads as a number whatever its sign. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
/** What a spreadsheet would take as the start of a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell as a spreadsheet will show it, never run it: one that would start a formula
 * (a provider named `=HYPERLINK(...)`) is prefixed with an apostrophe. Numbers are kept.
 */
export function neutralised(cell: CsvCell): CsvCell {
  if (typeof cell === "number" || PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV text (RFC 4180) of the rows given, a header first if wanted: a field is quoted only
 * when it holds a comma, quote or line break; each row ends with \n, the last too. Cells that
 * would start a formula are neutralised.
 */
export function csvText(rows: CsvCell[][]): string {
  // csv-stringify quotes \n but not a lone \r, which spreadsheets (and our reader) end a row on.
  return stringify(
    rows.map((row) => row.map(neutralised)),
    { eof: true, record_delimiter: "unix", quoted_match: /\r/ },
  );
}
