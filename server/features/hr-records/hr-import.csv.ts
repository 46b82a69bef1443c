import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { ImportEncoding } from '#common/hr-import';

/** One CSV record: its cells and the line it starts on (1-based, counting the header). */
export type CsvItem =
  | { kind: 'record'; line: number; cells: string[] }
  | { kind: 'malformed'; line: number; code: string };

/** A record larger than this is malformed (an unclosed quote swallowing the file), not memory. */
const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Chunks of a file as csv-parse reads them. UTF-8 goes in as bytes (csv-parse decodes each field
 * and drops the BOM; decoding the whole file first and re-encoding it cost ~2.5 µs a row): no byte
 * of a multi-byte UTF-8 character is a comma, quote or line break, so fields split the same, and
 * an invalid sequence becomes U+FFFD either way. CP932 (Shift_JIS as Excel writes it) is decoded
 * to text first.
 */
async function* chunks(path: string, encoding: ImportEncoding): AsyncGenerator<Buffer | string> {
  const decoder = encoding === 'cp932' ? iconv.getDecoder('cp932') : null;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    if (!decoder) yield chunk as Buffer;
    else {
      const text = decoder.write(chunk as Buffer);
      if (text) yield text;
    }
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

/** Line breaks inside quoted cells (CRLF, LF or CR each count once). */
const newlines = (cells: readonly string[]) => {
  let n = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return n;
};

/**
 * Every record of a CSV file, header first, streaming (one chunk in memory at a time) with
 * csv-parse: CRLF or LF, quoted fields with commas and newlines, ragged rows passed through (the
 * caller rejects them), and records csv-parse cannot read (an unclosed quote) reported as
 * `malformed` with their line instead of ending the file. Empty lines are ignored.
 */
export async function* readCsvFile(path: string, encoding: ImportEncoding): AsyncGenerator<CsvItem> {
  const out: CsvItem[] = [];
  let nextLine = 1;
  let inMalformed = false;
  let fatal: Error | null = null;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    // Lines are counted here (csv-parse's own counter counts a CRLF inside quotes twice):
    // each record takes one line plus the line breaks inside its quoted cells.
    on_record: (record: string[]) => {
      const line = nextLine;
      nextLine += 1 + newlines(record);
      inMalformed = false;
      if (record.length === 1 && record[0] === '') return null; // an empty line
      out.push({ kind: 'record', line, cells: record });
      return null;
    },
    on_skip: (error: (Error & { code?: string; lines?: number }) | undefined) => {
      // An unclosed quote can fail several times before the end of the file: one row, one report.
      if (inMalformed) return;
      inMalformed = true;
      out.push({ kind: 'malformed', line: nextLine, code: error?.code ?? 'CSV_INVALID' });
      nextLine = Math.max(nextLine + 1, (error?.lines ?? 0) + 1);
    },
  } as unknown as Parameters<typeof parse>[0]);
  parser.on('error', (error) => {
    fatal = error;
  });
  // Nothing is pushed to the readable side (on_record returns null); keep it flowing anyway.
  parser.resume();
  const write = (chunk: Buffer | string) =>
    new Promise<void>((resolve) => {
      parser.write(chunk, () => resolve());
    });
  for await (const chunk of chunks(path, encoding)) {
    await write(chunk);
    if (fatal) throw fatal;
    if (out.length > 0) yield* out.splice(0, out.length);
  }
  await new Promise<void>((resolve) => {
    parser.end(() => resolve());
  });
  if (fatal) throw fatal;
  yield* out.splice(0, out.length);
}

/**
 * Headers as keys: trimmed, empty ones named by position, repeated ones numbered. A NUL (U+0000)
 * is left out: the headers are stored in PostgreSQL text, which cannot hold it.
 */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.replaceAll('\u0000', '').normalize('NFC').trim() || `#${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/**
 * Watches uploaded bytes: a UTF-8 or UTF-16 byte-order mark, and whether every byte so far is
 * valid UTF-8. A file that is not valid UTF-8 is taken as CP932 (what Excel in Japan saves).
 */
export function encodingSniffer() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first: Buffer | null = null;
  let isUtf8 = true;
  return {
    push(chunk: Uint8Array) {
      if (!first) first = Buffer.from(chunk.subarray(0, 4));
      if (!isUtf8) return;
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        isUtf8 = false;
      }
    },
    result(): ImportEncoding | 'utf-16' {
      if (isUtf8) {
        try {
          decoder.decode();
        } catch {
          isUtf8 = false;
        }
      }
      const head = first ?? Buffer.alloc(0);
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf-16';
      if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
      return isUtf8 ? 'utf-8' : 'cp932';
    },
  };
}
