import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { pick, rng } from '#server/demo/member-data';
import { type CsvItem, readCsvFile } from './hr-import.csv';

const work = mkdtempSync(join(tmpdir(), 'kizuna-csv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(bytes: Buffer, encoding: 'utf-8' | 'cp932' = 'utf-8') {
  const path = join(work, `${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, bytes);
  const items: CsvItem[] = [];
  for await (const item of readCsvFile(path, encoding)) items.push(item);
  return items;
}

/** Pieces of CSV bytes: text, structure, and broken UTF-8 next to every structural character. */
const PIECES: (string | Buffer)[] = [
  '山田',
  'たろう',
  'Émile',
  '😀',
  'abc',
  ',',
  ',',
  '\r\n',
  '\n',
  '\r',
  '"',
  '""',
  '"quoted, with comma"',
  '"multi\r\nline"',
  '"un"quoted',
  ' ',
  Buffer.from([0xe3]), // a lead byte with nothing after it
  Buffer.from([0xe3, 0x81]), // a truncated sequence
  Buffer.from([0x81]), // a lone continuation byte
  Buffer.from([0xf0, 0x9f]),
  Buffer.from([0xff]),
  Buffer.from([0xc0, 0xaf]), // overlong
];

describe('readCsvFile on UTF-8 bytes', () => {
  it('reads exactly what decoding the whole file first gives (BOM, broken bytes, chunk edges)', async () => {
    const r = rng(42);
    for (let file = 0; file < 4; file++) {
      const parts: Buffer[] = [Buffer.from(file % 2 === 0 ? '\ufeff' : '')];
      // Over 400 KB, so records and multi-byte characters straddle the 256 KB read chunks.
      let size = 0;
      while (size < 400_000) {
        const piece = pick(r, PIECES);
        const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
        parts.push(bytes);
        size += bytes.length;
        if (r() < 0.05) parts.push(Buffer.from('\r\n'));
      }
      if (file === 3) parts.push(Buffer.from('\r\nlast,"never closed')); // malformed at the end
      const bytes = Buffer.concat(parts);
      // What the parser saw before: the file decoded to text, i.e. these bytes as valid UTF-8.
      const decoded = Buffer.from(iconv.decode(bytes, 'utf-8'), 'utf8');
      const actual = await read(bytes);
      expect(actual.length).toBeGreaterThan(1000);
      expect(actual).toEqual(await read(decoded));
    }
  });

  it('drops a BOM, keeps quoted line breaks, counts lines, reports an unclosed quote', async () => {
    const text = '\ufeff社員番号,氏名\r\nA1,"山田\r\n太郎"\r\n\r\nA2,"a ""b"", c"\r\nA3,"open\r\n';
    expect(await read(Buffer.from(text))).toEqual([
      { kind: 'record', line: 1, cells: ['社員番号', '氏名'] },
      { kind: 'record', line: 2, cells: ['A1', '山田\r\n太郎'] },
      { kind: 'record', line: 5, cells: ['A2', 'a "b", c'] },
      { kind: 'malformed', line: 6, code: 'CSV_QUOTE_NOT_CLOSED' },
    ]);
    // CP932 still goes through the decoder.
    expect(await read(iconv.encode('社員番号,氏名\r\nA1,山田 太郎\r\n', 'cp932'), 'cp932')).toEqual([
      { kind: 'record', line: 1, cells: ['社員番号', '氏名'] },
      { kind: 'record', line: 2, cells: ['A1', '山田 太郎'] },
    ]);
  });
});
