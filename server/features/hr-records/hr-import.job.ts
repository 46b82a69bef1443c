import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import {
  type ImportedRecord,
  type ImportMapping,
  type ImportReason,
  resolveMapping,
  validateImportRow,
} from '../../../common/hr-import';
import { normalizeForSearch } from '../../../common/search-text';
import { type Db, queryRows } from '../../db/client';
import { hrImports } from '../../db/schema/index';
import type { AppDeps } from '../../lib/http';
import type { JobDefinition } from '../../lib/queue';
import { suppressionHash } from '../../lib/suppression';
import { readCsvFile } from './hr-import.csv';
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
type Pending =
  | { line: number; record: ImportedRecord }
  | { line: number; reasons: Reasons; employeeNumber: string | null };
type Reasons = Partial<Record<string, ImportReason>>;

/**
 * Rows per transaction. PGlite has one connection that every request shares: there a batch is
 * kept to ~0.3 s of work so requests interleave; PostgreSQL only holds row locks meanwhile.
 */
const DEFAULT_BATCH = { postgres: 5000, pglite: 2000 };
const DEFAULT_SLICE_MS = 30_000;
/** After this many rows, refresh the planner's statistics (the table may have grown a lot). */
const ANALYZE_AFTER = 10_000;
const RETRY_LIMIT = 5;

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
  importId: string,
  options: ImportRunOptions = {},
): Promise<'done' | 'more' | 'stopped'> {
  const { db, clock } = deps;
  const batchSize = options.batchSize ?? DEFAULT_BATCH[isNodePostgres(db) ? 'postgres' : 'pglite'];
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
  let batch: Pending[] = [];
  let batchStart = resumeAt;

  // On PostgreSQL the next batch is parsed and validated while the server commits this one
  // (commits stay in file order: each waits for the previous). PGlite shares our thread.
  const pipelined = isNodePostgres(db);
  let inflight: Promise<void> | null = null;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    const start = batchStart;
    batch = [];
    batchStart += rows.length;
    if (inflight) await inflight;
    inflight = commitBatch(deps, importId, start, rows).then(() =>
      options.onBatch?.({ rowsDone: start + rows.length }),
    );
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
      let pending: Pending;
      if (item.kind === 'malformed') {
        pending = { line: item.line, reasons: { _row: 'malformed' }, employeeNumber: null };
      } else if (item.cells.length < width) {
        const number = columns.employeeNumber !== undefined ? item.cells[columns.employeeNumber] : undefined;
        pending = {
          line: item.line,
          reasons: { _row: 'column_count' },
          employeeNumber: number?.trim() || null,
        };
      } else {
        const result = validateImportRow(item.cells, columns);
        if (!result.ok) {
          pending = { line: item.line, reasons: result.reasons, employeeNumber: result.employeeNumber };
        } else if (seen.has(result.record.employeeNumber)) {
          pending = {
            line: item.line,
            reasons: { employeeNumber: 'duplicate_in_file' },
            employeeNumber: result.record.employeeNumber,
          };
        } else {
          seen.add(result.record.employeeNumber);
          pending = { line: item.line, record: result.record };
        }
      }
      if (index < resumeAt) continue; // committed before the restart
      batch.push(pending);
      if (batch.length >= batchSize) {
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
  return createHash('sha1')
    .update(
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
    )
    .digest('base64url');
}

/** Employee numbers of records whose number or an email is suppressed (erased at their request). */
async function erasedNumbers(deps: RunDeps, db: Db, records: ImportedRecord[]): Promise<Set<string>> {
  const [any] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (select 1 from erasure_suppressions) as found`,
  );
  if (!any?.found || records.length === 0) return new Set();
  const byHash = new Map<string, string>();
  for (const r of records) {
    for (const value of [r.employeeNumber, r.workEmail, r.personalEmail]) {
      if (value) byHash.set(suppressionHash(deps.env, value), r.employeeNumber);
    }
  }
  const hits = await queryRows<{ hash: string }>(
    db,
    sql`select hash from erasure_suppressions
        where hash in (select json_array_elements_text(${JSON.stringify([...byHash.keys()])}::json))`,
  );
  return new Set(hits.map((h) => byHash.get(h.hash) as string));
}

/** A text[] as PostgreSQL's array literal, so a list of lists travels as one text[] parameter. */
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
/** Parameter casts: dates and the departments list (array literals) are converted in SQL. */
const CAST: Partial<Record<(typeof UPSERT_COLUMNS)[number], string>> = {
  joined_on: 'date',
  left_on: 'date',
  departments: 'text[]',
};

/**
 * Inserts or updates records by employee number in one statement: one text[] parameter per
 * column, `unnest`ed into rows (no JSON → record conversion, no bind-parameter limit). Rows
 * whose row_hash is unchanged are not sent at all. Returns how many were created and updated
 * (the rest were unchanged). Also used by the demo seed.
 */
export async function upsertHrRecords(
  db: Db,
  list: ImportedRecord[],
  importId: string | null,
  now: string,
): Promise<{ created: number; updated: number }> {
  if (list.length === 0) return { created: 0, updated: 0 };
  // Rows whose stored hash is the same are left out before the upsert: a re-import of an
  // unchanged export (the usual monthly case) neither writes nor locks them. One index probe
  // per row; the ON CONFLICT … WHERE below stays the guarantee if a row changes meanwhile.
  const hashes = list.map(rowHash);
  const stored = await queryRows<{ employee_number: string; row_hash: string }>(
    db,
    sql`select employee_number, row_hash from hr_records
        where employee_number = any(${sql.param(list.map((r) => r.employeeNumber))}::text[])`,
  );
  const storedHash = new Map(stored.map((row) => [row.employee_number, row.row_hash]));
  const changed = list.flatMap((r, i) =>
    storedHash.get(r.employeeNumber) === hashes[i] ? [] : [{ r, hash: hashes[i] as string }],
  );
  if (changed.length === 0) return { created: 0, updated: 0 };
  const columns = UPSERT_COLUMNS.map(() => new Array<string | null>(changed.length));
  changed.forEach(({ r, hash }, i) => {
    const values = [
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
      hash,
    ];
    for (let c = 0; c < values.length; c++) (columns[c] as (string | null)[])[i] = values[c] ?? null;
  });
  const names = sql.raw(UPSERT_COLUMNS.join(', '));
  const arrays = sql.join(
    columns.map((values) => sql`${sql.param(values)}::text[]`),
    sql`, `,
  );
  const selected = sql.raw(UPSERT_COLUMNS.map((c) => (CAST[c] ? `i.${c}::${CAST[c]}` : `i.${c}`)).join(', '));
  const updates = sql.raw(
    UPSERT_COLUMNS.filter((c) => c !== 'employee_number')
      .map((c) => `${c} = excluded.${c}`)
      .join(', '),
  );
  const [counts] = await queryRows<{ created: number; updated: number }>(
    db,
    sql`with upserted as (
        insert into hr_records (id, ${names}, last_import_id, created_at, updated_at)
        select gen_random_uuid()::text, ${selected},
          ${importId}::text, ${now}::timestamptz, ${now}::timestamptz
        from unnest(${arrays}) as i(${names})
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

/** One batch, one transaction: upsert the good rows, record the bad ones, move `rows_done`. */
async function commitBatch(deps: RunDeps, importId: string, start: number, batch: Pending[]) {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const [state] = await tx
      .select({ rowsDone: hrImports.rowsDone, status: hrImports.status })
      .from(hrImports)
      .where(eq(hrImports.id, importId))
      .for('update');
    if (state?.status !== 'running' || state.rowsDone !== start) throw new StopRun();

    const good = batch.filter((p): p is Extract<Pending, { record: unknown }> => 'record' in p);
    const erased = await erasedNumbers(
      deps,
      tx,
      good.map((p) => p.record),
    );
    const rejected: { line: number; reasons: Reasons; employee_number: string | null }[] = [];
    for (const p of batch) {
      if ('reasons' in p)
        rejected.push({ line: p.line, reasons: p.reasons, employee_number: p.employeeNumber });
      else if (erased.has(p.record.employeeNumber)) {
        rejected.push({
          line: p.line,
          reasons: { _row: 'erased' },
          employee_number: p.record.employeeNumber,
        });
      }
    }
    const fresh = good.filter((p) => !erased.has(p.record.employeeNumber)).map((p) => p.record);
    const { created, updated } = await upsertHrRecords(tx, fresh, importId, now);
    const records = fresh;
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
        rowsDone: start + batch.length,
        rowsCreated: sql`${hrImports.rowsCreated} + ${created}`,
        rowsUpdated: sql`${hrImports.rowsUpdated} + ${updated}`,
        rowsUnchanged: sql`${hrImports.rowsUnchanged} + ${records.length - created - updated}`,
        rowsRejected: sql`${hrImports.rowsRejected} + ${rejected.length}`,
        updatedAt: deps.clock.now(),
      })
      .where(eq(hrImports.id, importId));
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
        const outcome = await runImport(deps, importId, options);
        if (outcome === 'more') await deps.queue.send(HR_IMPORT_RUN, { importId });
      } catch (error) {
        if (job.retryCount >= RETRY_LIMIT) await fail(deps, importId, 'internal');
        throw error;
      }
    },
  };
  return [run as JobDefinition<never>];
}
