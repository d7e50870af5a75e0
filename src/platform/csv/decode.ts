import iconv from "iconv-lite";

// Bytes to text: UTF-8 while the bytes are valid UTF-8, and Windows-1252 (the Care Inspectorate's
// older exports, and spreadsheets saved on Windows) from the first piece that is not.

/** How many bytes at the end of a piece begin a UTF-8 character the next piece completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Text from bytes read piece by piece. Throws once more than `maxBytes` have arrived, so an
 * endless upload cannot run on.
 */
export async function* decodeText(
  pieces: AsyncIterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<string> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let legacy: ReturnType<typeof iconv.getDecoder> | undefined;
  let held: Uint8Array = new Uint8Array(0); // the start of a character split across pieces
  let total = 0;
  for await (const piece of pieces) {
    total += piece.length;
    if (total > maxBytes) throw new RangeError(`The file is larger than ${maxBytes} bytes`);
    if (legacy) {
      yield legacy.write(Buffer.from(piece));
      continue;
    }
    try {
      yield utf8.decode(piece, { stream: true });
      held = piece.subarray(piece.length - incompleteTail(piece));
    } catch {
      legacy = iconv.getDecoder("windows-1252");
      yield legacy.write(Buffer.concat([held, piece]));
    }
  }
  if (!legacy) {
    try {
      yield utf8.decode();
    } catch {
      yield iconv.decode(Buffer.from(held), "windows-1252");
    }
  }
}

/** Text from a whole upload: UTF-8, or Windows-1252 when it is not valid UTF-8. */
export function decodeWhole(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), "windows-1252");
  }
}
