import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, asc, count, desc, eq, gt, inArray } from 'drizzle-orm';
import {
  IMPORT_ERRORS_PAGE_SIZE,
  IMPORT_PREVIEW_ROWS,
  type ImportEncoding,
  type ImportErrors,
  type ImportMapping,
  type ImportPreview,
  resolveMapping,
  validateImportRow,
} from '#common/hr-import';
import type { Locale } from '#common/locale';
import type { Db } from '#server/db/client';
import { hrImportErrors, hrImports } from '#server/db/schema/index';
import type { Viewer } from '#server/lib/access/policy';
import { csvStream } from '#server/lib/csv';
import type { AppDeps } from '#server/lib/deps';
import type { Env } from '#server/lib/env';
import { AppError, notFound } from '#server/lib/errors';
import { encodingSniffer, readCsvFile, uniqueHeaders } from './hr-import.csv';
import { t } from './hr-records.messages';

export type HrImportRow = typeof hrImports.$inferSelect;

/** The job that runs an import: `{ importId }` (ids only in job data). */
export const HR_IMPORT_RUN = 'hr-import.run';

/** Where uploads wait until their import is done (removed then, or when cancelled). */
export const importFilePath = (env: Pick<Env, 'DATA_DIR'>, id: string) =>
  join(resolve(env.DATA_DIR), 'imports', `${id}.csv`);

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;

/**
 * Streams an upload to DATA_DIR/imports/<id>.csv (never the whole file in memory), refusing more
 * than IMPORT_MAX_BYTES, then reads it once to find the headers and count the data rows.
 */
export async function receiveImport({
  db,
  env,
  clock,
  viewer,
  body,
  fileName,
  encoding,
  contentLength,
  locale,
}: Pick<AppDeps, 'db' | 'env' | 'clock'> & {
  viewer: Viewer;
  body: ReadableStream<Uint8Array> | null;
  fileName: string;
  encoding: 'auto' | ImportEncoding;
  contentLength: number | null;
  locale: Locale;
}): Promise<HrImportRow> {
  const tooLarge = () =>
    new AppError(
      'payload_too_large',
      t(locale, 'error.import_too_large', { limit: formatBytes(env.IMPORT_MAX_BYTES) }),
    );
  if (contentLength !== null && contentLength > env.IMPORT_MAX_BYTES) throw tooLarge();
  if (!body) throw new AppError('bad_request', 'error.import_empty');

  const id = randomUUID();
  const path = importFilePath(env, id);
  mkdirSync(join(path, '..'), { recursive: true });
  const sniffer = encodingSniffer();
  let size = 0;
  const file = createWriteStream(path);
  const fileDone = new Promise<void>((ok, fail) => {
    file.on('finish', ok);
    file.on('error', fail);
  });
  try {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > env.IMPORT_MAX_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      sniffer.push(value);
      if (!file.write(value)) await new Promise<void>((ok) => file.once('drain', () => ok()));
    }
    file.end();
    await fileDone;

    const sniffed = sniffer.result();
    if (sniffed === 'utf-16') throw new AppError('bad_request', 'error.import_utf16');
    const chosen = encoding === 'auto' ? sniffed : encoding;
    const { headers, rowsTotal } = await scanFile(path, chosen);
    const [row] = await db
      .insert(hrImports)
      .values({
        id,
        createdBy: viewer.id,
        fileName,
        fileSize: size,
        encoding: chosen,
        headers,
        rowsTotal,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      .returning();
    if (!row) throw new AppError('internal');
    return row;
  } catch (error) {
    file.destroy();
    await rm(path, { force: true });
    throw error;
  }
}

/** Headers (first record) and the number of data rows, as the import job will see them. */
async function scanFile(path: string, encoding: ImportEncoding) {
  let headers: string[] | null = null;
  let rowsTotal = 0;
  try {
    for await (const item of readCsvFile(path, encoding)) {
      if (headers === null) {
        if (item.kind !== 'record') throw new AppError('bad_request', 'error.import_unreadable');
        headers = uniqueHeaders(item.cells);
      } else rowsTotal++;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request', 'error.import_unreadable');
  }
  if (!headers || headers.every((h) => h.startsWith('#')))
    throw new AppError('bad_request', 'error.import_empty');
  return { headers, rowsTotal };
}

/** An import by id (HR only: the route checks the role; everyone else gets a 404 there). */
export async function findImport({ db, id }: { db: Db; id: string }): Promise<HrImportRow> {
  const [row] = await db.select().from(hrImports).where(eq(hrImports.id, id));
  if (!row) throw notFound();
  return row;
}

/** The latest imports, newest first. */
export function listImports({ db }: { db: Db }) {
  return db.select().from(hrImports).orderBy(desc(hrImports.createdAt)).limit(50);
}

/** Saves HR's column mapping (and encoding correction) while the import has not started. */
export async function saveMapping({
  db,
  clock,
  id,
  mapping,
  encoding,
}: Pick<AppDeps, 'db' | 'clock'> & { id: string; mapping: ImportMapping; encoding?: ImportEncoding }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(hrImports).where(eq(hrImports.id, id)).for('update');
    if (!row) throw notFound();
    if (row.status !== 'uploaded') throw new AppError('conflict', 'error.import_started');
    const { errors } = resolveMapping(row.headers, mapping);
    if (Object.keys(errors).length > 0) {
      // Field messages are translation keys; the error middleware translates them.
      throw new AppError('bad_request', 'error.bad_request', errors);
    }
    const [updated] = await tx
      .update(hrImports)
      .set({ mapping, encoding: encoding ?? row.encoding, updatedAt: clock.now() })
      .where(eq(hrImports.id, id))
      .returning();
    return updated as HrImportRow;
  });
}

/**
 * The first rows as the import would read them, with each row's problems in the viewer's
 * language. Reads only the start of the file.
 */
export async function previewImport({
  row,
  env,
  mapping,
  encoding,
  locale,
}: {
  row: HrImportRow;
  env: Pick<Env, 'DATA_DIR'>;
  mapping: ImportMapping;
  encoding?: ImportEncoding;
  locale: Locale;
}): Promise<ImportPreview> {
  const { columns, errors } = resolveMapping(row.headers, mapping);
  const mappingErrors = Object.fromEntries(
    Object.entries(errors).map(([key, keys]) => [key, keys.map((k) => t(locale, k))]),
  );
  const rows: ImportPreview['rows'] = [];
  if (row.status === 'done' || row.status === 'cancelled') return { rows, mappingErrors };
  let first = true;
  try {
    for await (const item of readCsvFile(importFilePath(env, row.id), encoding ?? row.encoding)) {
      if (first) {
        first = false;
        continue;
      }
      if (rows.length >= IMPORT_PREVIEW_ROWS) break;
      if (item.kind === 'malformed') {
        rows.push({ line: item.line, values: {}, errors: { _row: t(locale, 'import.reason.malformed') } });
        continue;
      }
      const values: Record<string, string | null> = {};
      for (const [field, index] of Object.entries(columns)) values[field] = item.cells[index] ?? null;
      if (item.cells.length < row.headers.length) {
        rows.push({ line: item.line, values, errors: { _row: t(locale, 'import.reason.column_count') } });
        continue;
      }
      const result = validateImportRow(item.cells, columns);
      rows.push({
        line: item.line,
        values: result.ok ? { ...result.record } : values,
        errors: result.ok
          ? {}
          : Object.fromEntries(
              Object.entries(result.reasons).map(([k, reason]) => [k, t(locale, `import.reason.${reason}`)]),
            ),
      });
    }
  } catch {
    throw new AppError('bad_request', 'error.import_unreadable');
  }
  return { rows, mappingErrors };
}

/** uploaded (with a mapping) → queued, and the job is sent. */
export async function startImport({
  db,
  clock,
  queue,
  id,
}: Pick<AppDeps, 'db' | 'clock' | 'queue'> & { id: string }): Promise<HrImportRow> {
  const row = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(hrImports).where(eq(hrImports.id, id)).for('update');
    if (!current) throw notFound();
    if (current.status !== 'uploaded') throw new AppError('conflict', 'error.import_started');
    if (!current.mapping) throw new AppError('conflict', 'error.import_not_ready');
    const [updated] = await tx
      .update(hrImports)
      .set({ status: 'queued', updatedAt: clock.now() })
      .where(eq(hrImports.id, id))
      .returning();
    return updated as HrImportRow;
  });
  await queue.send(HR_IMPORT_RUN, { importId: id });
  return row;
}

/** Stops an import that has not finished; rows already committed stay. The file is removed. */
export async function cancelImport({
  db,
  env,
  clock,
  id,
}: Pick<AppDeps, 'db' | 'env' | 'clock'> & { id: string }): Promise<HrImportRow> {
  const [row] = await db
    .update(hrImports)
    .set({ status: 'cancelled', finishedAt: clock.now(), updatedAt: clock.now() })
    .where(and(eq(hrImports.id, id), inArray(hrImports.status, ['uploaded', 'queued', 'running'])))
    .returning();
  if (!row) {
    await findImport({ db, id });
    throw new AppError('conflict', 'error.import_finished');
  }
  await rm(importFilePath(env, id), { force: true });
  return row;
}

/** Imports a killed process left behind: queued or running again (called at start-up). */
export async function resumeInterruptedImports({ db, queue }: Pick<AppDeps, 'db' | 'queue'>) {
  const rows = await db
    .select({ id: hrImports.id })
    .from(hrImports)
    .where(inArray(hrImports.status, ['queued', 'running']));
  for (const row of rows) await queue.send(HR_IMPORT_RUN, { importId: row.id });
  return rows.length;
}

const ERROR_PAGE = 2000;

/**
 * The rejected rows as CSV (line, employee number, reasons in the viewer's language), streamed
 * page by page so a file with 100,000 bad rows is not built in memory, by the one CSV writer
 * (UTF-8 with a BOM for Excel, formulas neutralised: an employee number may be `=1+2`).
 */
export function importErrorsCsv({ db, id, locale }: { db: Db; id: string; locale: Locale }) {
  const field = (key: string) => t(locale, `import.field.${key}`);
  const csv = csvStream();
  csv.write([
    t(locale, 'import.csv.line'),
    t(locale, 'import.csv.employeeNumber'),
    t(locale, 'import.csv.reasons'),
  ]);
  void (async () => {
    try {
      let after = 0;
      for (;;) {
        const page = await db
          .select()
          .from(hrImportErrors)
          .where(and(eq(hrImportErrors.importId, id), gt(hrImportErrors.line, after)))
          .orderBy(hrImportErrors.line)
          .limit(ERROR_PAGE);
        for (const error of page) {
          const reasons = Object.entries(error.reasons)
            .map(([key, reason]) => `${field(key)}: ${t(locale, `import.reason.${reason}`)}`)
            .join(' / ');
          if (!csv.write([error.line, error.employeeNumber ?? '', reasons])) {
            await new Promise<void>((ok) => csv.once('drain', () => ok()));
          }
        }
        if (page.length < ERROR_PAGE) break;
        after = page.at(-1)?.line ?? after;
      }
      csv.end();
    } catch (error) {
      csv.destroy(error as Error);
    }
  })();
  return csv;
}

/** One page of the rejected rows, reasons translated, for the import's page (not only the CSV). */
export async function listImportErrors({
  db,
  id,
  locale,
  page,
}: {
  db: Db;
  id: string;
  locale: Locale;
  page: number;
}): Promise<ImportErrors> {
  const where = eq(hrImportErrors.importId, id);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(hrImportErrors)
      .where(where)
      .orderBy(asc(hrImportErrors.line))
      .limit(IMPORT_ERRORS_PAGE_SIZE)
      .offset((page - 1) * IMPORT_ERRORS_PAGE_SIZE),
    db.select({ n: count() }).from(hrImportErrors).where(where),
  ]);
  return {
    items: rows.map((row) => ({
      line: row.line,
      employeeNumber: row.employeeNumber,
      reasons: Object.entries(row.reasons).map(([field, reason]) => ({
        field,
        label: t(locale, `import.field.${field}`),
        message: t(locale, `import.reason.${reason}`),
      })),
    })),
    total: Number(counted?.n ?? 0),
    page,
    pageSize: IMPORT_ERRORS_PAGE_SIZE,
  };
}
