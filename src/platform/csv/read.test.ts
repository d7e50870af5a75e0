import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode";
import { csvObjects, csvRecords, csvRecordsOf } from "./read";
import { csvText, neutralised } from "./write";

describe("reading a whole CSV", () => {
  it("reads quoted commas, doubled quotes and newlines, with the line each record starts on", () => {
    const text = 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\nlast,1';
    expect(csvRecordsOf(text)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: ["two\nlines", "z"] },
      { line: 5, fields: ["last", "1"] },
    ]);
  });

  it("names the line of an unclosed quote", () => {
    expect(() => csvRecordsOf('a\n"open,\nb')).toThrow(/line 2/);
  });

  it("names the line of a stray quote, counting quoted line breaks of either kind", () => {
    expect(() => csvRecordsOf('a\r\n"b\r\nc",d\n"e"f')).toThrow(/^line 4: a closing quote/);
    expect(() => csvRecordsOf('a\nb"c')).toThrow(/^line 2: a quote inside a field/);
  });

  it("reads old Mac line endings and blank lines as records", () => {
    expect(csvRecordsOf("a\rb\n\nc")).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["b"] },
      { line: 3, fields: [""] },
      { line: 4, fields: ["c"] },
    ]);
  });

  it("keys rows by header", () => {
    expect(csvObjects("\uFEFFCSNumber,ServiceName\nCS1,Home Care\n")).toEqual([
      { line: 2, row: { CSNumber: "CS1", ServiceName: "Home Care" } },
    ]);
  });
});

async function* inPieces<T extends string | Uint8Array>(
  whole: T,
  cuts: number[],
): AsyncGenerator<T> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield whole.slice(from, cut) as T;
    from = cut;
  }
  yield whole.slice(from) as T;
}

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe("writing a CSV", () => {
  it("never writes a cell a spreadsheet would run as a formula, and keeps numbers", () => {
    const text = csvText([
      ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "Care & Co"],
      [-12.5, "-12.50", "+44", "0", "1e3", ""],
    ]);
    expect(csvRecordsOf(text).map((r) => r.fields)).toEqual([
      ['\'=HYPERLINK("http://x")', "'+1+1", "'-2+3", "'@SUM(A1)", "'\tx", "Care & Co"],
      ["-12.5", "-12.50", "+44", "0", "1e3", ""],
    ]);
  });
});

describe("reading a CSV piece by piece", () => {
  const field = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", "b", " ", "£", "é") }),
    fc
      .string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r\n", "ü") })
      .map((s) => `"${s.replaceAll('"', '""')}"`),
  );
  const csv = fc
    .array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 })
    .chain((rows) =>
      fc.constantFrom("\n", "\r\n").map((eol) => rows.map((r) => r.join(",")).join(eol)),
    );

  it("gives the same records however the text is cut", async () => {
    await fc.assert(
      fc.asyncProperty(
        csv.chain((text) =>
          fc.tuple(fc.constant(text), fc.array(fc.nat({ max: text.length }), { maxLength: 8 })),
        ),
        async ([text, cuts]) => {
          expect(await collect(csvRecords(inPieces(text, cuts)))).toEqual(csvRecordsOf(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reads back what the writer writes", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.string({ unit: fc.constantFrom("a", ",", '"', "\n", "\r", " ", "\u00e9") }), {
            minLength: 2,
            maxLength: 4,
          }),
          { minLength: 1 },
        ),
        (rows) => {
          const read = csvRecordsOf(csvText(rows)).map((r) => r.fields);
          expect(read).toEqual(rows.map((row) => row.map(neutralised)));
        },
      ),
    );
  });

  it("streamed, names the line of an unclosed quote", async () => {
    await expect(collect(csvRecords(inPieces('a\r\n"b\r\nc"\n"open,\nd', [5])))).rejects.toThrow(
      /^line 4: a quoted field is never closed/,
    );
  });

  it("waits through an empty piece after a quote or a carriage return", async () => {
    for (const text of ['"a""b",c\r\nd', 'x,"y"\r\nz']) {
      for (let cut = 0; cut <= text.length; cut++) {
        const records = await collect(csvRecords(inPieces(text, [cut, cut])));
        expect(records).toEqual(csvRecordsOf(text));
      }
    }
  });

  it("decodes UTF-8 cut inside a character, and Windows-1252 files", async () => {
    const text = "CSNumber,ServiceName\nCS1,Caf\u00e9 \u00a3 \u2019Ochil\u2019\n";
    const utf8 = new TextEncoder().encode(text);
    for (let cut = 0; cut <= utf8.length; cut++) {
      expect((await collect(decodeText(inPieces(utf8, [cut]), 1000))).join("")).toBe(text);
    }
    const legacy = Uint8Array.from(
      [..."CS1,Caf\u00e9 \u00a3"].map((c) => c.charCodeAt(0)).concat([0x92, 0x0a]),
    );
    for (let cut = 0; cut <= legacy.length; cut++) {
      const decoded = (await collect(decodeText(inPieces(legacy, [cut]), 1000))).join("");
      expect(decoded).toBe("CS1,Caf\u00e9 \u00a3\u2019\n");
    }
  });

  it("stops a file larger than the limit", async () => {
    await expect(collect(decodeText(inPieces(new Uint8Array(2000), [1000]), 1500))).rejects.toThrow(
      /larger than 1500 bytes/,
    );
  });
});
