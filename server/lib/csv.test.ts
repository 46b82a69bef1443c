import { describe, expect, it } from 'vitest';
import { csvStream, neutralizeFormula, toCsv } from './csv';

const STARTS = ['=1+2', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'];

describe('the CSV writer', () => {
  it.each(STARTS)('neutralises a text cell starting like a formula: %j', (cell) => {
    const text = toCsv([['h'], [cell]]);
    expect(text.startsWith('\ufeff')).toBe(true);
    const body = text.slice(1).split('\r\n')[1] ?? '';
    // The cell (quoted or not) starts with the apostrophe, never with the formula character.
    expect(body.replace(/^"/, '').startsWith(`'${cell[0]}`)).toBe(true);
  });

  it('leaves ordinary text, numbers and an inner = as they are', () => {
    expect(
      toCsv([
        ['a=b', 'x'],
        [-3, 'ok'],
      ]),
    ).toBe('\ufeffa=b,x\r\n-3,ok\r\n');
    expect(neutralizeFormula('田中')).toBe('田中');
  });

  it('streams with the same rules', async () => {
    const csv = csvStream();
    const chunks: string[] = [];
    csv.on('data', (chunk: Buffer | string) => chunks.push(String(chunk)));
    const done = new Promise((ok) => csv.on('end', ok));
    csv.write(['line', 'number']);
    for (const cell of STARTS) csv.write([1, cell]);
    csv.end();
    await done;
    const lines = chunks.join('').slice(1).split('\r\n');
    expect(lines.slice(1, -1).every((l) => /^1,"?'/.test(l))).toBe(true);
  });
});
