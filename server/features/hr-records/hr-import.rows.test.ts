import { describe, expect, it } from 'vitest';
import { type HrImportField, resolveMapping, validateImportRow } from '#common/hr-import';
import { fakeMember, pick, rng } from '#server/demo/member-data';
import { checkImportRow } from './hr-import.rows';

/** Column layouts HR exports come in: separate or combined names, with or without romaji/locale. */
const LAYOUTS: Record<string, string[]> = {
  separate: [
    '社員番号',
    '姓',
    '名',
    'セイ',
    'メイ',
    '入社日',
    '退職日',
    '部署',
    '役職',
    '勤務地',
    'メール',
    '個人メール',
  ],
  // 備考 is not mapped: its cells (NULs included) must not matter to either check.
  combined: ['社員番号', '氏名', 'フリガナ', '入社日', '退職日', '所属', 'メール', '備考'],
  full: [
    'employee_no',
    'last_name',
    'first_name',
    'last_name_kana',
    'first_name_kana',
    'last_name_romaji',
    'first_name_romaji',
    'work_email',
    'personal_email',
    'joined',
    'left',
    'department',
    'title',
    'office',
    'leave_reason',
    'language',
  ],
};
const MAPPINGS: Record<string, Record<string, HrImportField>> = {
  separate: {
    社員番号: 'employeeNumber',
    姓: 'familyName',
    名: 'givenName',
    セイ: 'familyNameKana',
    メイ: 'givenNameKana',
    入社日: 'joinedOn',
    退職日: 'leftOn',
    部署: 'departments',
    役職: 'lastTitle',
    勤務地: 'office',
    メール: 'workEmail',
    個人メール: 'personalEmail',
  },
  combined: {
    社員番号: 'employeeNumber',
    氏名: 'fullName',
    フリガナ: 'fullNameKana',
    入社日: 'joinedOn',
    退職日: 'leftOn',
    所属: 'departments',
    メール: 'workEmail',
  },
  full: {
    employee_no: 'employeeNumber',
    last_name: 'familyName',
    first_name: 'givenName',
    last_name_kana: 'familyNameKana',
    first_name_kana: 'givenNameKana',
    last_name_romaji: 'familyNameRomaji',
    first_name_romaji: 'givenNameRomaji',
    work_email: 'workEmail',
    personal_email: 'personalEmail',
    joined: 'joinedOn',
    left: 'leftOn',
    department: 'departments',
    title: 'lastTitle',
    office: 'office',
    leave_reason: 'leaveReason',
    language: 'locale',
  },
};

const long = (n: number, ch = 'あ') => ch.repeat(n);
/** Values near every rule's edge, in every field: valid, invalid and odd. */
const EDGES = [
  '',
  ' ',
  '　',
  '  padded  ',
  'ｶﾀｶﾅ',
  'ﾔﾏﾀﾞ ﾀﾛｳ',
  '１２３',
  'Ａｂｃ',
  'やまだ',
  'ヤマダ・タロウ',
  'やまだ たろう',
  '山田',
  '山田 太郎',
  '山田　太郎',
  'Yamada',
  "O'Brien-Smith",
  'José Ñúñez',
  'yamada2',
  'Ｓａｔｏ',
  long(49, 'a'),
  long(50, 'a'),
  long(51, 'a'),
  long(59),
  long(60),
  long(61),
  long(100, 'x'),
  long(101, 'x'),
  long(200, 'x'),
  long(201, 'x'),
  '2020-04-01',
  '2020/4/1',
  '2020.4.1',
  '２０２０／４／１',
  '2020-02-29',
  '2021-02-29',
  '2020-13-01',
  '2020-4-31',
  '20-04-01',
  '2020-04-01 ',
  '1999/12/31',
  'a@b.co',
  'Taro.Yamada@Corp.Example',
  'ｔａｒｏ@ｃｏｒｐ.ｅｘａｍｐｌｅ',
  'taro@corp',
  'taro..x@corp.example',
  '.taro@corp.example',
  'taro@@corp.example',
  'たろう@corp.example',
  `${long(246, 'a')}@corp.jp`,
  `${long(247, 'a')}@corp.jp`,
  '営業部',
  '営業部/東京',
  '営業部；東京;大阪',
  ' / / ',
  Array.from({ length: 20 }, (_, i) => `D${i}`).join('/'),
  Array.from({ length: 21 }, (_, i) => `D${i}`).join('/'),
  `${long(100, 'd')}/x`,
  `${long(101, 'd')}/x`,
  'ja',
  'JA',
  'en',
  'English',
  '日本語',
  '英語',
  'fr',
  'constructor',
  'toString',
  '__proto__',
  'career_change',
  'a,b',
  'line\nbreak',
  '"quoted"',
  'back\\slash',
  '\u200b',
  'e\u0301',
  // NUL (U+0000), which PostgreSQL text cannot hold: alone, around spaces, inside valid values.
  '\u0000',
  ' \u0000 ',
  'E1\u0000',
  '\u0000山田',
  '山\u0000田 太郎',
  'やまだ\u0000',
  'Yama\u0000da',
  'a@b.co\u0000',
  '2020-04-01\u0000',
  '営業部/\u0000東京',
  'ja\u0000',
  '\u0000\u0000',
];

/** The cell with a NUL (U+0000) put in at a random place. */
const withNul = (r: () => number, value: string) => {
  const at = Math.floor(r() * (value.length + 1));
  return `${value.slice(0, at)}\u0000${value.slice(at)}`;
};

/** A plausible cell for the field (so that many rows are valid), or now and then an edge value. */
function cell(
  r: () => number,
  field: HrImportField | undefined,
  person: ReturnType<typeof fakeMember>,
  i: number,
) {
  if (r() < 0.12) return pick(r, EDGES);
  const p = person.profile ?? {};
  const n = person.names;
  switch (field) {
    case 'employeeNumber':
      return `E${i}`;
    case 'familyName':
      return n.familyName;
    case 'givenName':
      return n.givenName;
    case 'fullName':
      return `${n.familyName}${r() < 0.5 ? ' ' : '　'}${n.givenName}`;
    case 'familyNameKana':
      return n.familyNameKana ?? '';
    case 'givenNameKana':
      return n.givenNameKana ?? '';
    case 'fullNameKana':
      return n.familyNameKana && n.givenNameKana ? `${n.familyNameKana} ${n.givenNameKana}` : '';
    case 'familyNameRomaji':
      return r() < 0.5 ? (n.familyNameRomaji ?? '') : '';
    case 'givenNameRomaji':
      return r() < 0.5 ? (n.givenNameRomaji ?? '') : '';
    case 'workEmail':
      return `w${i}@corp.example`;
    case 'personalEmail':
      return r() < 0.5 ? `P${i}@Mail.Example` : '';
    case 'joinedOn':
      return (p.joinedOn ?? '').replaceAll('-', r() < 0.5 ? '/' : '-');
    case 'leftOn':
      return p.leftOn ?? '';
    case 'departments':
      return (p.departments ?? []).join(r() < 0.5 ? '/' : ';');
    case 'lastTitle':
      return p.lastTitle ?? '';
    case 'office':
      return p.office ?? '';
    case 'leaveReason':
      return pick(r, ['career_change', 'family', '']);
    case 'locale':
      return pick(r, ['ja', 'en', 'JA', '日本語', '']);
    default:
      return '';
  }
}

describe('checkImportRow (the import job’s zod-free row check)', () => {
  it('gives exactly what validateImportRow gives, for valid and invalid rows, in every layout', () => {
    for (const [layout, headers] of Object.entries(LAYOUTS)) {
      const { columns } = resolveMapping(headers, MAPPINGS[layout] as Record<string, HrImportField>);
      const fieldOf = (index: number) =>
        (Object.entries(columns) as [HrImportField, number][]).find(([, c]) => c === index)?.[0];
      const r = rng(layout.length * 7919);
      let valid = 0;
      let invalid = 0;
      let nul = 0;
      for (let i = 0; i < 6000; i++) {
        const person = fakeMember(r, i, { role: 'alumni' });
        const cells = headers.map((_, index) => cell(r, fieldOf(index), person, i));
        // Now and then a NUL in one cell, mapped or not (a valid row but for it, most of the time).
        if (r() < 0.05) {
          const at = Math.floor(r() * cells.length);
          cells[at] = withNul(r, cells[at] as string);
        }
        // Now and then a short row (cells missing at the end), as a ragged CSV gives.
        if (r() < 0.02) cells.length = Math.floor(r() * cells.length);
        const expected = validateImportRow(cells, columns);
        expect(checkImportRow(cells, columns), `${layout} row ${JSON.stringify(cells)}`).toEqual(expected);
        if (expected.ok) valid++;
        else invalid++;
        if (!expected.ok && Object.values(expected.reasons).includes('nul_character')) nul++;
      }
      // Both paths were exercised, not only one, and rows with a NUL reached the slow path.
      expect(valid).toBeGreaterThan(1000);
      expect(invalid).toBeGreaterThan(1000);
      expect(nul).toBeGreaterThan(100);
    }
  });

  it('agrees on every edge value in every field, one field at a time', () => {
    const headers = LAYOUTS.full as string[];
    const { columns } = resolveMapping(headers, MAPPINGS.full as Record<string, HrImportField>);
    const base = [
      'E1',
      '山田',
      '太郎',
      'やまだ',
      'たろう',
      '',
      '',
      'taro@corp.example',
      '',
      '2010/4/1',
      '2020-03-31',
      '営業部/東京',
      '課長',
      '本社',
      'family',
      'ja',
    ];
    expect(validateImportRow(base, columns).ok).toBe(true);
    for (let index = 0; index < headers.length; index++) {
      for (const value of EDGES) {
        const cells = base.with(index, value);
        expect(checkImportRow(cells, columns), `${headers[index]} = ${JSON.stringify(value)}`).toEqual(
          validateImportRow(cells, columns),
        );
      }
    }
  });
});
