// npm run bench (fifth part): reading the real Care Inspectorate datastore (10,566 rows, 101
// columns) with csv-parse + iconv-lite (what Cairn uses) and with the hand-written parser and
// decoder it replaced (kept in bench/baseline for this comparison), in the same run. Each read is
// its own child process, so its peak memory is its own; the file streams in 64 KiB pieces.
import { execFileSync } from "node:child_process";
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { decodeText } from "../src/platform/csv/decode";
import { csvRecords } from "../src/platform/csv/read";
import { csvRecords as handRecords } from "./baseline/handwritten-csv";
import { decodeText as handDecode } from "./baseline/handwritten-decode";
import { DATASTORE_GZ } from "./directory";

const READERS = {
  "csv-parse + iconv-lite": (file: string) =>
    csvRecords(decodeText(createReadStream(file), 2 ** 30)),
  "hand-written": (file: string) => handRecords(handDecode(createReadStream(file), 2 ** 30)),
};
type Reader = keyof typeof READERS;
const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);

/** In a child: reads the file once; prints time, records, a checksum and peak resident memory. */
async function readOnce(reader: Reader, file: string) {
  const rss = () => process.memoryUsage().rss / 2 ** 20;
  const before = rss();
  let highest = before;
  const timer = setInterval(() => {
    highest = Math.max(highest, rss());
  }, 5);
  const t = performance.now();
  let records = 0;
  let chars = 0;
  for await (const { fields } of READERS[reader](file)) {
    records++;
    for (const f of fields) chars += f.length;
  }
  const ms = performance.now() - t;
  clearInterval(timer);
  highest = Math.max(highest, rss());
  console.log(JSON.stringify({ ms, records, chars, beforeMiB: before, highestMiB: highest }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "cairn-csv-"));
  const utf8 = readFileSync(DATASTORE_GZ);
  const files = {
    "UTF-8": join(dir, "utf8.csv"),
    "Windows-1252": join(dir, "cp1252.csv"),
  };
  const text = gunzipSync(utf8);
  writeFileSync(files["UTF-8"], text);
  writeFileSync(files["Windows-1252"], iconv.encode(text.toString("utf8"), "windows-1252"));
  const results = [];
  for (const [encoding, file] of Object.entries(files)) {
    type Run = {
      ms: number;
      records: number;
      chars: number;
      highestMiB: number;
      beforeMiB: number;
    };
    const runs: Record<string, Run[]> = Object.fromEntries(
      Object.keys(READERS).map((r) => [r, []]),
    );
    for (let i = 0; i < REPETITIONS; i++) {
      for (const reader of Object.keys(READERS)) {
        const out = execFileSync(
          process.execPath,
          [...process.execArgv, fileURLToPath(import.meta.url), reader, file],
          { encoding: "utf8" },
        );
        runs[reader]?.push(JSON.parse(out));
      }
    }
    for (const [reader, rs] of Object.entries(runs)) {
      results.push({
        encoding,
        reader,
        records: rs[0]?.records,
        checksumChars: rs[0]?.chars,
        sameOutputEveryRun: rs.every(
          (r) => r.records === rs[0]?.records && r.chars === rs[0]?.chars,
        ),
        medianMs: round(median(rs.map((r) => r.ms))),
        bestMs: round(Math.min(...rs.map((r) => r.ms))),
        medianPeakMiB: round(median(rs.map((r) => r.highestMiB))),
        medianGrowthMiB: round(median(rs.map((r) => r.highestMiB - r.beforeMiB))),
      });
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(new URL("./results", import.meta.url), { recursive: true });
  writeFileSync(
    new URL("./results/latest-csv.json", import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  console.log(JSON.stringify(results, null, 2));
}

const [reader, file] = process.argv.slice(2);
if (reader && file) await readOnce(reader as Reader, file);
else await main();
