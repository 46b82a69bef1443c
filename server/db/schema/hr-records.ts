import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * The company's record of a person who works or worked here, as exported from the HR system.
 * One row per employee number; imports upsert by it (idempotent). HR-only: members never read it.
 */
export const hrRecords = pgTable(
  'hr_records',
  {
    id: text('id').primaryKey(),
    employeeNumber: text('employee_number').notNull().unique(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana'),
    givenNameKana: text('given_name_kana'),
    familyNameRomaji: text('family_name_romaji'),
    givenNameRomaji: text('given_name_romaji'),
    /** The address used at the company. */
    workEmail: text('work_email'),
    /** A private address, where invitations go after the last day. */
    personalEmail: text('personal_email'),
    joinedOn: date('joined_on', { mode: 'string' }),
    leftOn: date('left_on', { mode: 'string' }),
    departments: text('departments').array().notNull().default(sql`'{}'`),
    lastTitle: text('last_title'),
    office: text('office'),
    /** HR-only category (e.g. career_change, family, retirement); used by eligibility rules. */
    leaveReason: text('leave_reason'),
    locale: text('locale', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    /** Normalised names (kanji, kana, romaji) for exact and fuzzy matching of join requests. */
    matchName: text('match_name').notNull(),
    /** Hash of the imported values: re-importing an unchanged row writes nothing. */
    rowHash: text('row_hash').notNull(),
    /** The member this record belongs to, once invited and accepted (or matched). */
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    lastImportId: text('last_import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    // One number however it is typed: D000004 = d000004 = Ｄ０００００４ (decision 028).
    uniqueIndex('hr_records_employee_number_folded').on(
      sql`upper(normalize(btrim(${t.employeeNumber}), NFKC))`,
    ),
    index('hr_records_user_idx').on(t.userId),
    index('hr_records_work_email_idx').on(sql`lower(${t.workEmail})`),
    index('hr_records_personal_email_idx').on(sql`lower(${t.personalEmail})`),
    index('hr_records_left_on_idx').on(t.leftOn),
    index('hr_records_match_name_trgm').using('gin', sql`${t.matchName} gin_trgm_ops`),
  ],
);

/**
 * One upload of an HR export. The file is kept on disk (DATA_DIR/imports) until the import is
 * done; `rowsDone` is advanced in the same transaction as each batch, so a killed import resumes
 * after the last committed batch with nothing lost or written twice.
 */
export const hrImports = pgTable(
  'hr_imports',
  {
    id: text('id').primaryKey(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    /** Detected or chosen: utf-8 or cp932. */
    encoding: text('encoding', { enum: ['utf-8', 'cp932'] }).notNull(),
    /** CSV header → record field; null until HR confirms the mapping. */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    headers: text('headers').array().notNull().default(sql`'{}'`),
    status: text('status', {
      enum: ['uploaded', 'queued', 'running', 'done', 'failed', 'cancelled'],
    })
      .notNull()
      .default('uploaded'),
    /** Data rows in the file (counted while uploading). */
    rowsTotal: integer('rows_total').notNull().default(0),
    /** Data rows processed and committed, in file order: the resume point. */
    rowsDone: integer('rows_done').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index('hr_imports_created_idx').on(t.createdAt)],
);

/** A rejected row: its line number in the file and why. Keyed so a resumed batch cannot add it twice. */
export const hrImportErrors = pgTable(
  'hr_import_errors',
  {
    importId: text('import_id')
      .notNull()
      .references(() => hrImports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    /** Error codes per field, e.g. {"joinedOn":"invalid_date"}; translated when shown. */
    reasons: jsonb('reasons').$type<Record<string, string>>().notNull(),
    employeeNumber: text('employee_number'),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/**
 * Keyed hashes (HMAC with the server secret) of the employee numbers and emails of people who
 * deleted their account, so a later import or invitation does not bring them back. No plain value.
 */
export const erasureSuppressions = pgTable('erasure_suppressions', {
  hash: text('hash').primaryKey(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});
