import { stringify } from "csv-stringify/sync";

// Every CSV Cairn writes (payment files, RAS impact, benchmark datastores) goes through here.

export type CsvCell = string | number;

/**
 * CSV text (RFC 4180) of the rows given, a header first if wanted: a field is quoted only
 * when it holds a comma, quote or line break; each row ends with \n, the last too.
 */
export function csvText(rows: CsvCell[][]): string {
  // csv-stringify quotes \n but not a lone \r, which spreadsheets (and our reader) end a row on.
  return stringify(rows, { eof: true, record_delimiter: "unix", quoted_match: /\r/ });
}
