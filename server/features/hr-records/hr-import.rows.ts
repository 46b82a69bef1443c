import { z } from 'zod';
import { normalizeEmployeeNumber } from '#common/employee-number';
import {
  type HrImportField,
  type ImportedRecord,
  type RowResult,
  validateImportRow,
} from '#common/hr-import';
import { deriveRomaji } from '#common/names';

// The rules of RowSchema in common/hr-import.ts, written out for the import's hot path. They
// must stay in step with it: hr-import.rows.test.ts checks that both agree on generated rows.
const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]*$/u;
const LATIN = /^[\p{Script=Latin}\s'.-]*$/u;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SPACE = /[\s\u3000]+/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** The pattern z.email() tests. */
const EMAIL = z.regexes.email;
const LOCALES: Record<string, 'ja' | 'en'> = {
  ja: 'ja',
  jp: 'ja',
  japanese: 'ja',
  日本語: 'ja',
  en: 'en',
  english: 'en',
  英語: 'en',
};

/** A rule not met: the row goes to validateImportRow, which says which and why. */
class Rejected extends Error {}
const REJECTED = new Rejected();

/** As validateImportRow's, but a cell with a NUL (U+0000; never printable ASCII) is a rejection. */
const clean = (value: string | undefined): string | null => {
  if (value === undefined) return null;
  let v = value;
  if (!PRINTABLE_ASCII.test(value)) {
    if (value.includes('\u0000')) throw REJECTED;
    v = value.normalize('NFKC');
  }
  v = v.trim();
  return v === '' ? null : v;
};

const splitName = (full: string | null): [string | null, string | null] => {
  if (!full) return [null, null];
  const [first, ...rest] = full.split(SPACE);
  return [first || null, rest.join(' ') || null];
};

const required = (v: string | null, max: number) => {
  if (v === null || v.length > max) throw REJECTED;
  return v;
};
const optional = (v: string | null, max: number, pattern?: RegExp) => {
  if (v !== null && (v.length > max || (pattern && !pattern.test(v)))) throw REJECTED;
  return v;
};
const email = (v: string | null) => {
  if (v === null) return null;
  if (v.length > 254 || !EMAIL.test(v)) throw REJECTED;
  return v.toLowerCase();
};

/** Dates repeat a lot in an export (two per row): the parse is remembered. */
const dateCache = new Map<string, string | null>();
const date = (v: string | null) => {
  if (v === null) return null;
  let iso = dateCache.get(v);
  if (iso === undefined) {
    const m = DATE.exec(v);
    const text = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
    const d = new Date(`${text}T00:00:00Z`);
    iso = !m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : text;
    if (dateCache.size > 50_000) dateCache.clear();
    dateCache.set(v, iso);
  }
  if (iso === null) throw REJECTED;
  return iso;
};

const romajiCache = new Map<string, string | null>();
function romajiOf(name: string, kana: string | null): string | null {
  const key = `${name}\u0000${kana ?? ''}`;
  let romaji = romajiCache.get(key);
  if (romaji === undefined) {
    if (romajiCache.size > 50_000) romajiCache.clear();
    romaji = deriveRomaji(name, kana, null);
    romajiCache.set(key, romaji);
  }
  return romaji;
}

/**
 * validateImportRow (common/hr-import.ts) without zod, for the import job's hot path (zod was
 * most of the job's validation time: ~11 µs a row against ~3 here). A row that meets every rule
 * gives the same record validateImportRow gives; any other row is handed to validateImportRow,
 * so a rejected row gets exactly its reasons.
 */
export function checkImportRow(
  cells: readonly string[],
  columns: Partial<Record<HrImportField, number>>,
): RowResult {
  const get = (field: HrImportField) => {
    const index = columns[field];
    return index === undefined ? null : clean(cells[index]);
  };
  try {
    const [fullFamily, fullGiven] = splitName(get('fullName'));
    const [kanaFamily, kanaGiven] = splitName(get('fullNameKana'));
    const localeRaw = get('locale');
    const locale = localeRaw === null ? 'ja' : LOCALES[localeRaw.toLowerCase()];
    if (locale !== 'ja' && locale !== 'en') throw REJECTED;
    const departments = (get('departments') ?? '')
      .split(/[/;]/)
      .map((d) => d.trim())
      .filter(Boolean);
    if (departments.length > 20 || departments.some((d) => d.length > 100)) throw REJECTED;
    const familyName = required(get('familyName') ?? fullFamily, 60);
    const givenName = required(get('givenName') ?? fullGiven, 60);
    const familyNameKana = optional(get('familyNameKana') ?? kanaFamily, 60, KANA);
    const givenNameKana = optional(get('givenNameKana') ?? kanaGiven, 60, KANA);
    const joinedOn = date(get('joinedOn'));
    const leftOn = date(get('leftOn'));
    if (joinedOn && leftOn && leftOn < joinedOn) throw REJECTED;
    const record: ImportedRecord = {
      employeeNumber: normalizeEmployeeNumber(required(get('employeeNumber'), 50)),
      familyName,
      givenName,
      familyNameKana,
      givenNameKana,
      familyNameRomaji: optional(get('familyNameRomaji'), 60, LATIN) ?? romajiOf(familyName, familyNameKana),
      givenNameRomaji: optional(get('givenNameRomaji'), 60, LATIN) ?? romajiOf(givenName, givenNameKana),
      workEmail: email(get('workEmail')),
      personalEmail: email(get('personalEmail')),
      joinedOn,
      leftOn,
      departments,
      lastTitle: optional(get('lastTitle'), 200),
      office: optional(get('office'), 200),
      leaveReason: optional(get('leaveReason'), 100),
      locale,
    };
    return { ok: true, record };
  } catch (error) {
    if (error !== REJECTED) throw error;
    return validateImportRow(cells, columns);
  }
}
