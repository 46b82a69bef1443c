import { z } from 'zod';
import { normalizeEmployeeNumber } from './employee-number';
import { HR_IMPORT_FIELDS, type HrImportField } from './hr-import-fields';
import { deriveRomaji } from './names';

export * from './hr-import-fields';

/**
 * Why a row was rejected, per field (`_row` for the whole row). Stored as codes in
 * hr_import_errors and translated for the viewer (server/features/hr-records/hr-records.messages.ts `import.reason.*`).
 */
export const IMPORT_REASONS = [
  'required',
  'too_long',
  'invalid_date',
  'invalid_email',
  'invalid_kana',
  'invalid_romaji',
  'invalid_locale',
  'left_before_joined',
  'too_many_departments',
  'duplicate_in_file',
  'erased',
  'column_count',
  'malformed',
  /** U+0000 in a mapped cell: PostgreSQL text cannot hold it (the only such character in UTF-8). */
  'nul_character',
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

export const ImportEncodingSchema = z.enum(['utf-8', 'cp932']);
export type ImportEncoding = z.infer<typeof ImportEncodingSchema>;

export const ImportStatusSchema = z.enum(['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled']);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const HrImportFieldSchema = z.enum(HR_IMPORT_FIELDS);

/** CSV header → field. Unmapped headers are left out (their values are not imported). */
export const ImportMappingSchema = z.record(z.string().max(200), HrImportFieldSchema);
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const ImportUploadQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  /** auto: BOM, else valid UTF-8, else CP932 (Shift_JIS as Excel writes it). */
  encoding: z.enum(['auto', 'utf-8', 'cp932']).default('auto'),
});

export const ImportMappingInputSchema = z.object({
  mapping: ImportMappingSchema,
  /** HR may correct the detected encoding. */
  encoding: ImportEncodingSchema.optional(),
});
export type ImportMappingInput = z.infer<typeof ImportMappingInputSchema>;

export const HrImportSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number(),
  encoding: ImportEncodingSchema,
  headers: z.array(z.string()),
  mapping: ImportMappingSchema.nullable(),
  suggestedMapping: ImportMappingSchema,
  status: ImportStatusSchema,
  rowsTotal: z.number(),
  rowsDone: z.number(),
  rowsCreated: z.number(),
  rowsUpdated: z.number(),
  rowsUnchanged: z.number(),
  rowsRejected: z.number(),
  /** 0–100, rows done of rows total. */
  percent: z.number(),
  /** Rows per second since the import started; null before it starts. */
  ratePerSecond: z.number().nullable(),
  /** Estimated seconds left while it runs. */
  secondsLeft: z.number().nullable(),
  /** Why the import failed, in the viewer's language. */
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type HrImport = z.infer<typeof HrImportSchema>;

export const ImportPreviewRowSchema = z.object({
  line: z.number(),
  values: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()])),
  /** Field → message in the viewer's language; empty when the row is good. */
  errors: z.record(z.string(), z.string()),
});
export const ImportPreviewSchema = z.object({
  rows: z.array(ImportPreviewRowSchema),
  /** Problems with the mapping itself (e.g. no employee number column), translated. */
  mappingErrors: z.record(z.string(), z.array(z.string())),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

/** The rejected rows of an import, a page at a time (GET /api/hr-imports/{id}/errors). */
export const IMPORT_ERRORS_PAGE_SIZE = 50;
export const ImportErrorsQuerySchema = z
  .object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) })
  .strict();
export const ImportErrorsSchema = z.object({
  items: z.array(
    z.object({
      /** Line in the file (the header is line 1). */
      line: z.number().int(),
      employeeNumber: z.string().nullable(),
      /** Column (field name in the viewer's language) and why, translated. */
      reasons: z.array(z.object({ field: z.string(), label: z.string(), message: z.string() })),
    }),
  ),
  /** Every rejected row of the import. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ImportErrors = z.infer<typeof ImportErrorsSchema>;

// ---------------------------------------------------------------------------------------------
// Row validation: shared by the preview and the import job, so what HR sees is what happens.

/** A record as it is written to hr_records (minus ids and bookkeeping). */
export interface ImportedRecord {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  familyNameRomaji: string | null;
  givenNameRomaji: string | null;
  workEmail: string | null;
  personalEmail: string | null;
  joinedOn: string | null;
  leftOn: string | null;
  departments: string[];
  lastTitle: string | null;
  office: string | null;
  leaveReason: string | null;
  locale: 'ja' | 'en';
}

export type RowResult =
  | { ok: true; record: ImportedRecord }
  | { ok: false; reasons: Partial<Record<string, ImportReason>>; employeeNumber: string | null };

const KANA = /^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]*$/u;
const LATIN = /^[\p{Script=Latin}\s'.-]*$/u;
const DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const SPACE = /[\s\u3000]+/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NUL = '\u0000';

const text = (max: number) => z.string().max(max, 'too_long').nullable();
const kana = z.string().max(60, 'too_long').regex(KANA, 'invalid_kana').nullable();
const romaji = z.string().max(60, 'too_long').regex(LATIN, 'invalid_romaji').nullable();
const email = z
  .email('invalid_email')
  .max(254, 'too_long')
  .nullable()
  .transform((v) => v?.toLowerCase() ?? null);
/** YYYY-MM-DD or YYYY/MM/DD (Excel in Japan writes 2020/4/1), normalised to YYYY-MM-DD. */
const date = z
  .string()
  .nullable()
  .transform((v, ctx) => {
    if (v === null) return null;
    const m = DATE.exec(v);
    const iso = m ? `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` : '';
    const d = new Date(`${iso}T00:00:00Z`);
    if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      ctx.addIssue({ code: 'custom', message: 'invalid_date' });
      return z.NEVER;
    }
    return iso;
  });

const RowSchema = z
  .object({
    employeeNumber: z
      .string('required')
      .min(1, 'required')
      .max(50, 'too_long')
      .transform(normalizeEmployeeNumber),
    familyName: z.string('required').min(1, 'required').max(60, 'too_long'),
    givenName: z.string('required').min(1, 'required').max(60, 'too_long'),
    familyNameKana: kana,
    givenNameKana: kana,
    familyNameRomaji: romaji,
    givenNameRomaji: romaji,
    workEmail: email,
    personalEmail: email,
    joinedOn: date,
    leftOn: date,
    departments: z.array(z.string().max(100, 'too_long')).max(20, 'too_many_departments'),
    lastTitle: text(200),
    office: text(200),
    leaveReason: text(100),
    locale: z.enum(['ja', 'en'], 'invalid_locale'),
  })
  .refine((r) => !r.joinedOn || !r.leftOn || r.leftOn >= r.joinedOn, {
    message: 'left_before_joined',
    path: ['leftOn'],
  });

const LOCALES: Record<string, 'ja' | 'en'> = {
  ja: 'ja',
  jp: 'ja',
  japanese: 'ja',
  日本語: 'ja',
  en: 'en',
  english: 'en',
  英語: 'en',
};

/** Trimmed, NFKC-normalised (full-width digits and half-width kana folded), '' → null. */
const clean = (value: string | undefined): string | null => {
  if (value === undefined) return null;
  // Printable ASCII is its own NFKC form; skipping ICU for it (numbers, dates, emails) is measurable.
  const v = (PRINTABLE_ASCII.test(value) ? value : value.normalize('NFKC')).trim();
  return v === '' ? null : v;
};

const splitName = (full: string | null): [string | null, string | null] => {
  if (!full) return [null, null];
  const [first, ...rest] = full.split(SPACE);
  return [first || null, rest.join(' ') || null];
};

/**
 * One CSV row (cells by column index) → a record or per-field reasons. `columns` is the index of
 * each mapped field's column. Pure: the preview and the job give the same answer.
 */
export function validateImportRow(
  cells: readonly string[],
  columns: Partial<Record<HrImportField, number>>,
): RowResult {
  // A NUL (U+0000) cannot be stored in PostgreSQL text, so a mapped cell holding one rejects its
  // row. The rest of the row is checked without the NULs, so its other problems are reported
  // too and the reported employee number can be stored. Unmapped cells are never read.
  const nul: Partial<Record<string, ImportReason>> = {};
  let hasNul = false;
  for (const [field, index] of Object.entries(columns)) {
    if (!cells[index as number]?.includes(NUL)) continue;
    nul[field] = 'nul_character';
    hasNul = true;
  }
  const get = (field: HrImportField) => {
    const index = columns[field];
    if (index === undefined) return null;
    const cell = cells[index];
    return clean(hasNul && cell ? cell.replaceAll(NUL, '') : cell);
  };
  const [fullFamily, fullGiven] = splitName(get('fullName'));
  const [kanaFamily, kanaGiven] = splitName(get('fullNameKana'));
  const localeRaw = get('locale');
  const input = {
    employeeNumber: get('employeeNumber') ?? undefined,
    familyName: get('familyName') ?? fullFamily ?? undefined,
    givenName: get('givenName') ?? fullGiven ?? undefined,
    familyNameKana: get('familyNameKana') ?? kanaFamily,
    givenNameKana: get('givenNameKana') ?? kanaGiven,
    familyNameRomaji: get('familyNameRomaji'),
    givenNameRomaji: get('givenNameRomaji'),
    workEmail: get('workEmail'),
    personalEmail: get('personalEmail'),
    joinedOn: get('joinedOn'),
    leftOn: get('leftOn'),
    departments: (get('departments') ?? '')
      .split(/[/;]/)
      .map((d) => d.trim())
      .filter(Boolean),
    lastTitle: get('lastTitle'),
    office: get('office'),
    leaveReason: get('leaveReason'),
    locale: localeRaw === null ? 'ja' : (LOCALES[localeRaw.toLowerCase()] ?? localeRaw),
  };
  const parsed = RowSchema.safeParse(input);
  if (!parsed.success || hasNul) {
    const reasons: Partial<Record<string, ImportReason>> = { ...nul };
    for (const issue of parsed.error?.issues ?? []) {
      const key = String(issue.path[0] ?? '_row');
      reasons[key] ??= (IMPORT_REASONS as readonly string[]).includes(issue.message)
        ? (issue.message as ImportReason)
        : 'required';
    }
    return { ok: false, reasons, employeeNumber: input.employeeNumber ?? null };
  }
  const r = parsed.data;
  return {
    ok: true,
    record: {
      ...r,
      familyNameRomaji: r.familyNameRomaji ?? romajiOf(r.familyName, r.familyNameKana),
      givenNameRomaji: r.givenNameRomaji ?? romajiOf(r.givenName, r.givenNameKana),
    },
  };
}

/**
 * deriveRomaji, remembered: kana → romaji costs ~8 µs, and an HR export repeats the same family
 * and given names thousands of times (a third of the import's CPU time without this).
 */
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

/** Each mapped field → its column index; problems with the mapping itself as field → reasons. */
export function resolveMapping(headers: readonly string[], mapping: ImportMapping) {
  const columns: Partial<Record<HrImportField, number>> = {};
  // No prototype: a CSV header named `constructor` is an ordinary key (decision 024).
  const errors: Record<string, string[]> = Object.create(null);
  const add = (key: string, message: string) => {
    errors[key] = [...(errors[key] ?? []), message];
  };
  for (const [header, field] of Object.entries(mapping)) {
    const index = headers.indexOf(header);
    if (index < 0) add(header, 'import.mapping.unknownHeader');
    else if (columns[field] !== undefined) add(header, 'import.mapping.duplicateField');
    else columns[field] = index;
  }
  if (columns.employeeNumber === undefined) add('employeeNumber', 'import.mapping.required');
  if (columns.fullName === undefined) {
    if (columns.familyName === undefined) add('familyName', 'import.mapping.required');
    if (columns.givenName === undefined) add('givenName', 'import.mapping.required');
  }
  return { columns, errors };
}
