import { hash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import {
  type ImportedRecord,
  type ImportMapping,
  type ImportReason,
  resolveMapping,
} from '#common/hr-import';
import { normalizeForSearch } from '#common/search-text';
import { type Db, queryRows } from '#server/db/client';
import { hrImports } from '#server/db/schema/index';
import type { AppDeps } from '#server/lib/deps';
import type { JobDefinition } from '#server/lib/queue';
import { suppressionHash } from '#server/lib/suppression';
import { readCsvFile } from './hr-import.csv';
import { checkImportRow } from './hr-import.rows';
import { HR_IMPORT_RUN, importFilePath } from './hr-import.service';

export interface ImportRunOptions {
  /** Rows per transaction (default: DEFAULT_BATCH for the driver). */
  batchSize?: number;
  /** A job runs batches for about this long, then hands over to a fresh job (short expiry). */
  sliceMs?: number;
  /** Called after each committed batch (tests use it to kill the process mid-import). */
  onBatch?: (progress: { rowsDone: number }) => void | Promise<void>;
}

type RunDeps = Pick<AppDeps, 'db' | 'env' | 'clock' | 'logger'>;
type Reasons = Partial<Record<string, ImportReason>>;
type Rejected = { line: number; reasons: Reasons; employee_number: string | null };

/**
 * Rows per transaction. PGlite has one connection that every request shares: there a batch is
 * kept to ~0.3 s of work so requests interleave; PostgreSQL only holds row locks meanwhile.
 */
const DEFAULT_BATCH = { postgres: 5000, pglite: 2000 };
const DEFAULT_SLICE_MS = 30_000;
/** After this many rows, refresh the planner's statistics (the table may have grown a lot). */
const ANALYZE_AFTER = 10_000;
const RETRY_LIMIT = 5;
/**
 * On PostgreSQL, parsing gives the event loop a turn this often, so the commit running meanwhile
 * gets its next statement sent within ~2 ms of the server's answer (not after a whole chunk).
 */
const YIELD_MS = 2;

/** Another runner committed this batch first, or HR cancelled: stop without writing. */
class StopRun extends Error {}

/**
 * Runs (or resumes) one import for up to `sliceMs`: the file is parsed from the start, the first
 * `rows_done` data rows are only validated (to know which employee numbers came earlier), and
 * each later batch is committed in ONE transaction together with the new `rows_done`. A process
 * killed at any moment therefore resumes after the last committed batch: nothing lost, nothing
 * twice. Two runners cannot both commit a batch: each locks the import row and checks that
 * `rows_done` is still where its batch starts.
 */
export async function runImport(
  deps: RunDeps,
  { importId, ...options }: { importId: string } & ImportRunOptions,
): Promise<'done' | 'more' | 'stopped'> {
  const { db, clock } = deps;
  const batchSize = Math.min(
    options.batchSize ?? DEFAULT_BATCH[isNodePostgres(db) ? 'postgres' : 'pglite'],
    MAX_UPSERT_ROWS,
  );
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const began = performance.now();

  const [started] = await db
    .update(hrImports)
    .set({
      status: 'running',
      startedAt: sql`coalesce(${hrImports.startedAt}, ${clock.now().toISOString()}::timestamptz)`,
      updatedAt: clock.now(),
    })
    .where(and(eq(hrImports.id, importId), inArray(hrImports.status, ['queued', 'running'])))
    .returning();
  if (!started) return 'stopped';
  if (!started.mapping) return fail(deps, importId, 'unreadable');
  const path = importFilePath(deps.env, importId);
  if (!existsSync(path)) return fail(deps, importId, 'file_missing');

  const { columns } = resolveMapping(started.headers, started.mapping as ImportMapping);
  const width = started.headers.length;
  const resumeAt = started.rowsDone;
  /** Employee numbers of valid rows so far, in file order: a later repeat is rejected. */
  const seen = new Set<string>();
  let isHeader = true;
  let index = -1; // index of the current data row in the file
  let batch = new Batch();
  let batchStart = resumeAt;

  // On PostgreSQL the server commits one batch while this process parses, validates and encodes
  // the next (commits stay in file order: each waits for the previous). PGlite shares our thread.
  const pipelined = isNodePostgres(db);
  let inflight: Promise<void> | null = null;
  let lastYield = performance.now();
  // Whether the next upsert first leaves out rows whose stored hash is unchanged (see upsert).
  let skipUnchanged = true;
  const flush = async () => {
    if (batch.size === 0) return;
    const rows = batch;
    const start = batchStart;
    batch = new Batch();
    batchStart += rows.size;
    const encoded = rows.encode();
    if (inflight) await inflight;
    inflight = commitBatch(deps, importId, start, rows, encoded, skipUnchanged).then(({ sent, created }) => {
      // A batch of (nearly) all new records says the file is mostly new: checking the next
      // batch's rows against stored hashes would cost an index probe each and spare nothing.
      if (sent > 0) skipUnchanged = created < sent * 0.9;
      return options.onBatch?.({ rowsDone: start + rows.size });
    });
    inflight.catch(() => undefined); // awaited (and thrown) by the next flush or at the end
    if (!pipelined) await inflight;
  };

  try {
    for await (const item of readCsvFile(path, started.encoding)) {
      if (isHeader) {
        isHeader = false;
        continue;
      }
      index++;
      if (pipelined && performance.now() - lastYield > YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      const committed = index < resumeAt; // before the restart: only validated, to fill `seen`
      if (item.kind === 'malformed') {
        if (!committed) batch.reject(item.line, { _row: 'malformed' }, null);
      } else if (item.cells.length < width) {
        const number = columns.employeeNumber !== undefined ? item.cells[columns.employeeNumber] : undefined;
        // Reported as read, minus any NUL (U+0000), which PostgreSQL text cannot hold.
        const reported = number?.replaceAll('\u0000', '').trim() || null;
        if (!committed) batch.reject(item.line, { _row: 'column_count' }, reported);
      } else {
        const result = checkImportRow(item.cells, columns);
        if (!result.ok) {
          if (!committed) batch.reject(item.line, result.reasons, result.employeeNumber);
        } else if (seen.has(result.record.employeeNumber)) {
          if (!committed) {
            batch.reject(item.line, { employeeNumber: 'duplicate_in_file' }, result.record.employeeNumber);
          }
        } else {
          seen.add(result.record.employeeNumber);
          if (!committed) batch.add(item.line, result.record);
        }
      }
      if (batch.size >= batchSize) {
        await flush();
        if (performance.now() - began > sliceMs) {
          await inflight;
          return 'more';
        }
      }
    }
    await flush();
    await inflight;
  } catch (error) {
    if (error instanceof StopRun) return 'stopped';
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      return fail(deps, importId, 'unreadable');
    }
    throw error;
  }

  const [finished] = await db
    .update(hrImports)
    .set({ status: 'done', finishedAt: clock.now(), updatedAt: clock.now() })
    .where(and(eq(hrImports.id, importId), eq(hrImports.status, 'running')))
    .returning();
  if (!finished) return 'stopped';
  await rm(path, { force: true });
  if (finished.rowsCreated + finished.rowsUpdated >= ANALYZE_AFTER) {
    await db.execute(sql`analyze hr_records`);
  }
  deps.logger.info('hr import done', {
    importId,
    rows: finished.rowsDone,
    created: finished.rowsCreated,
    updated: finished.rowsUpdated,
    rejected: finished.rowsRejected,
  });
  return 'done';
}

async function fail(deps: RunDeps, importId: string, reason: 'unreadable' | 'file_missing' | 'internal') {
  await deps.db
    .update(hrImports)
    .set({ status: 'failed', error: reason, finishedAt: deps.clock.now(), updatedAt: deps.clock.now() })
    .where(and(eq(hrImports.id, importId), inArray(hrImports.status, ['queued', 'running'])));
  return 'stopped' as const;
}

/** node-postgres runs a query while this process prepares the next batch; PGlite cannot. */
function isNodePostgres(db: Db) {
  return (db as unknown as { $client: unknown }).$client instanceof pg.Pool;
}

/** What decides "unchanged": every imported value, in a fixed order. */
function rowHash(r: ImportedRecord) {
  return hash(
    'sha1',
    JSON.stringify([
      r.employeeNumber,
      r.familyName,
      r.givenName,
      r.familyNameKana,
      r.givenNameKana,
      r.familyNameRomaji,
      r.givenNameRomaji,
      r.workEmail,
      r.personalEmail,
      r.joinedOn,
      r.leftOn,
      r.departments,
      r.lastTitle,
      r.office,
      r.leaveReason,
      r.locale,
    ]),
    'base64url',
  );
}

/** A text[] as PostgreSQL's array literal (the departments list travels as one string). */
const arrayLiteral = (values: readonly string[]) =>
  `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** hr_records columns filled from an import, in the order of the statement's parameters. */
const UPSERT_COLUMNS = [
  'employee_number',
  'family_name',
  'given_name',
  'family_name_kana',
  'given_name_kana',
  'family_name_romaji',
  'given_name_romaji',
  'work_email',
  'personal_email',
  'joined_on',
  'left_on',
  'departments',
  'last_title',
  'office',
  'leave_reason',
  'locale',
  'match_name',
  'row_hash',
] as const;
/** Casts from text: dates and the departments list (an array literal) are converted in SQL. */
const CAST: Partial<Record<(typeof UPSERT_COLUMNS)[number], string>> = {
  joined_on: 'date',
  left_on: 'date',
  departments: 'text[]',
};
const NUMBER = UPSERT_COLUMNS.indexOf('employee_number');
const EMAILS = [UPSERT_COLUMNS.indexOf('work_email'), UPSERT_COLUMNS.indexOf('personal_email')];

/** One record as the upsert's column values (with `match_name` and the row hash). */
function columnValues(r: ImportedRecord): (string | null)[] {
  return [
    r.employeeNumber,
    r.familyName,
    r.givenName,
    r.familyNameKana,
    r.givenNameKana,
    r.familyNameRomaji,
    r.givenNameRomaji,
    r.workEmail,
    r.personalEmail,
    r.joinedOn,
    r.leftOn,
    arrayLiteral(r.departments),
    r.lastTitle,
    r.office,
    r.leaveReason,
    r.locale,
    normalizeForSearch(
      [r.familyName, r.givenName, r.familyNameKana, r.givenNameKana, r.familyNameRomaji, r.givenNameRomaji]
        .filter(Boolean)
        .join(' '),
    ),
    rowHash(r),
  ];
}

/**
 * A batch being filled, in file order. Good rows are encoded as they arrive — column values,
 * `match_name`, row hash — so on PostgreSQL that work happens while the server commits the
 * previous batch, and the commit itself only sends ready strings. Bad rows are listed.
 */
class Batch {
  /** Data rows in the batch, good and bad: `rows_done` moves by this. */
  size = 0;
  /** Line of each good row. */
  readonly lines: number[] = [];
  /** Good rows, one list per UPSERT_COLUMNS entry. */
  readonly columns: (string | null)[][] = UPSERT_COLUMNS.map(() => []);
  readonly rejected: Rejected[] = [];

  add(line: number, record: ImportedRecord) {
    this.size++;
    this.lines.push(line);
    const values = columnValues(record);
    for (let c = 0; c < values.length; c++) (this.columns[c] as (string | null)[]).push(values[c] ?? null);
  }

  reject(line: number, reasons: Reasons, employeeNumber: string | null) {
    this.size++;
    this.rejected.push({ line, reasons, employee_number: employeeNumber });
  }

  /** Each column as one JSON array of strings (JSON.stringify is native: cheap for the driver too). */
  encode(leaveOut?: ReadonlySet<number>): string[] {
    return this.columns.map((values) =>
      JSON.stringify(leaveOut ? values.filter((_, i) => !leaveOut.has(i)) : values),
    );
  }
}

/**
 * Inserts or updates records by employee number (the demo seed uses it too); returns how many
 * were created and updated (the rest were unchanged).
 */
export async function upsertHrRecords(
  db: Db,
  { list, importId, now }: { list: ImportedRecord[]; importId: string | null; now: string },
): Promise<{ created: number; updated: number }> {
  const total = { created: 0, updated: 0 };
  for (let from = 0; from < list.length; from += DEFAULT_BATCH.postgres) {
    const batch = new Batch();
    for (const r of list.slice(from, from + DEFAULT_BATCH.postgres)) batch.add(0, r);
    const { created, updated } = await upsert(db, batch.encode(), importId, now, true);
    total.created += created;
    total.updated += updated;
  }
  return total;
}

/**
 * Ids of new records: UUIDv7, whose first 48 bits are the time in ms, so they grow with time and
 * the primary key's inserts stay on its rightmost page. Random (v4) ids cost the server ~15 %
 * more per row, spread over the whole index (bench/RESULTS.md, Import). A batch shares the
 * time and 58 random bits; the statement appends each row's ordinal as the last 4 hex digits.
 */
function batchIdPrefix(ms: number): string {
  const time = ms.toString(16).padStart(12, '0').slice(-12);
  const bytes = randomBytes(8);
  const random = bytes.toString('hex');
  const variant = (8 | ((bytes[7] as number) & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(3, 6)}-${random.slice(6, 14)}`;
}
/** Rows one statement may insert: the ordinal is 4 hex digits of the id. */
const MAX_UPSERT_ROWS = 0xffff;

/**
 * One statement: each column arrives as one JSON array (`json_array_elements_text`, zipped by
 * ROWS FROM; 18 parameters whatever the batch size). Unchanged rows are never written: with
 * `skipUnchanged`, rows whose stored hash is the same are left out before the insert (an index
 * probe each: a re-import of an unchanged export then neither writes nor locks anything), and
 * in any case ON CONFLICT … WHERE row_hash IS DISTINCT updates only what changed.
 */
async function upsert(
  db: Db,
  encoded: string[],
  importId: string | null,
  now: string,
  skipUnchanged: boolean,
): Promise<{ created: number; updated: number }> {
  if (encoded[0] === '[]') return { created: 0, updated: 0 };
  const names = sql.raw(UPSERT_COLUMNS.join(', '));
  const columns = sql.join(
    encoded.map((json) => sql`json_array_elements_text(${json}::json)`),
    sql`, `,
  );
  const selected = sql.raw(UPSERT_COLUMNS.map((c) => (CAST[c] ? `i.${c}::${CAST[c]}` : `i.${c}`)).join(', '));
  const updates = sql.raw(
    UPSERT_COLUMNS.filter((c) => c !== 'employee_number')
      .map((c) => `${c} = excluded.${c}`)
      .join(', '),
  );
  const unchanged = skipUnchanged
    ? sql`where not exists (select from hr_records s
            where s.employee_number = i.employee_number and s.row_hash = i.row_hash)`
    : sql``;
  const [counts] = await queryRows<{ created: number; updated: number }>(
    db,
    sql`with upserted as (
        insert into hr_records (id, ${names}, last_import_id, created_at, updated_at)
        select ${batchIdPrefix(Date.parse(now))} || lpad(to_hex(i.ordinal), 4, '0'), ${selected},
          ${importId}::text, ${now}::timestamptz, ${now}::timestamptz
        from rows from (${columns}) with ordinality as i(${names}, ordinal)
        ${unchanged}
        on conflict (employee_number) do update set ${updates},
          last_import_id = excluded.last_import_id, updated_at = excluded.updated_at
        where hr_records.row_hash is distinct from excluded.row_hash
        returning (xmax = 0) as inserted
      )
      select (count(*) filter (where inserted))::int as created,
             (count(*) filter (where not inserted))::int as updated
      from upserted`,
  );
  return { created: counts?.created ?? 0, updated: counts?.updated ?? 0 };
}

/** Good rows of the batch whose employee number or an email is suppressed (erased at their request). */
async function erasedRows(deps: RunDeps, db: Db, batch: Batch): Promise<Set<number>> {
  const rowsByHash = new Map<string, number[]>();
  const number = batch.columns[NUMBER] as string[];
  for (let i = 0; i < number.length; i++) {
    for (const column of [NUMBER, ...EMAILS]) {
      const value = batch.columns[column]?.[i];
      if (!value) continue;
      const key = suppressionHash(deps.env, value);
      rowsByHash.set(key, [...(rowsByHash.get(key) ?? []), i]);
    }
  }
  if (rowsByHash.size === 0) return new Set();
  const hits = await queryRows<{ hash: string }>(
    db,
    sql`select hash from erasure_suppressions
        where hash in (select json_array_elements_text(${JSON.stringify([...rowsByHash.keys()])}::json))`,
  );
  return new Set(hits.flatMap((h) => rowsByHash.get(h.hash) ?? []));
}

/** One batch, one transaction: upsert the good rows, record the bad ones, move `rows_done`. */
async function commitBatch(
  deps: RunDeps,
  importId: string,
  start: number,
  batch: Batch,
  encoded: string[],
  skipUnchanged: boolean,
) {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const [state] = await queryRows<{ rows_done: number; status: string; any_erased: boolean }>(
      tx,
      sql`select rows_done, status, exists (select from erasure_suppressions) as any_erased
          from hr_imports where id = ${importId} for update`,
    );
    if (state?.status !== 'running' || state.rows_done !== start) throw new StopRun();

    let rejected = batch.rejected;
    let sent = batch.lines.length;
    if (state.any_erased) {
      // Rare (the check is skipped while nobody was erased): those rows are rejected, not written.
      const erased = await erasedRows(deps, tx, batch);
      if (erased.size > 0) {
        const number = batch.columns[NUMBER] as string[];
        rejected = [...erased]
          .map((i) => ({
            line: batch.lines[i] as number,
            reasons: { _row: 'erased' } as Reasons,
            employee_number: number[i] ?? null,
          }))
          .concat(rejected);
        encoded = batch.encode(erased);
        sent -= erased.size;
      }
    }
    const { created, updated } = await upsert(tx, encoded, importId, now, skipUnchanged);
    if (rejected.length > 0) {
      const rows = rejected.map((r) => ({ import_id: importId, ...r }));
      await tx.execute(sql`insert into hr_import_errors (import_id, line, reasons, employee_number)
        select import_id, line, reasons, employee_number
        from json_populate_recordset(null::hr_import_errors, ${JSON.stringify(rows)}::json)
        on conflict do nothing`);
    }
    await tx
      .update(hrImports)
      .set({
        rowsDone: start + batch.size,
        rowsCreated: sql`${hrImports.rowsCreated} + ${created}`,
        rowsUpdated: sql`${hrImports.rowsUpdated} + ${updated}`,
        rowsUnchanged: sql`${hrImports.rowsUnchanged} + ${sent - created - updated}`,
        rowsRejected: sql`${hrImports.rowsRejected} + ${rejected.length}`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(hrImports.id, importId));
    return { sent, created };
  });
}

/** The import job: one slice per job; a slice that runs out of time sends the next one. */
export function hrImportJobs(deps: AppDeps, options: ImportRunOptions = {}): JobDefinition<never>[] {
  const run: JobDefinition<{ importId: string }> = {
    name: HR_IMPORT_RUN,
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds: 5,
    // Slices are ~30 s: a job still active after two minutes belongs to a killed process.
    expireInSeconds: 120,
    async handler({ importId }, job) {
      try {
        const outcome = await runImport(deps, { importId, ...options });
        if (outcome === 'more') await deps.queue.send(HR_IMPORT_RUN, { importId });
      } catch (error) {
        if (job.retryCount >= RETRY_LIMIT) await fail(deps, importId, 'internal');
        throw error;
      }
    },
  };
  return [run as JobDefinition<never>];
}
