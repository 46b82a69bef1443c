import { type Stringifier, stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/**
 * The one CSV writer of every export (decision 024): UTF-8 with a BOM and CRLF line ends, so
 * Excel (the usual tool in Japan) opens the Japanese text as it is, and every text cell that a
 * spreadsheet would run as a formula neutralised.
 */

/** Starts a spreadsheet reads as a formula (or as a formula after a tab or line break). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell Excel would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe. */
export const neutralizeFormula = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

const OPTIONS = {
  bom: true,
  record_delimiter: 'windows',
  // Only text: numbers (-3) and booleans are not formulas and keep their value.
  cast: { string: neutralizeFormula },
} as const;

/** Rows (header first) → the whole file as a string, BOM included. */
export const toCsv = (rows: readonly (readonly unknown[])[]): string =>
  stringifySync(rows as unknown[][], OPTIONS);

/** A stream to `write()` rows into, for files too large to build in memory. */
export const csvStream = (): Stringifier => stringify(OPTIONS);
