import type { HrImport, ImportErrors, ImportPreview } from '#common/hr-import';
import { suggestMapping } from '#common/hr-import';
import type { HrRecord } from '#common/hr-records';
import type { Locale } from '#common/locale';
import { displayName } from '#common/names';
import type { HrImportRow } from './hr-import.service';
import { t } from './hr-records.messages';
import type { HrRecordListRow } from './hr-records.service';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** An import with its progress: percent, rows per second and seconds left while it runs. */
export function presentImport(row: HrImportRow, now: Date, locale: Locale): HrImport {
  const isActive = row.status === 'running' || row.status === 'queued';
  const elapsed = row.startedAt ? ((row.finishedAt ?? now).getTime() - row.startedAt.getTime()) / 1000 : 0;
  const rate = row.startedAt && elapsed > 0 && row.rowsDone > 0 ? row.rowsDone / elapsed : null;
  const left = row.rowsTotal - row.rowsDone;
  return {
    id: row.id,
    fileName: row.fileName,
    fileSize: row.fileSize,
    encoding: row.encoding,
    headers: row.headers,
    mapping: row.mapping as HrImport['mapping'],
    suggestedMapping: suggestMapping(row.headers),
    status: row.status,
    rowsTotal: row.rowsTotal,
    rowsDone: row.rowsDone,
    rowsCreated: row.rowsCreated,
    rowsUpdated: row.rowsUpdated,
    rowsUnchanged: row.rowsUnchanged,
    rowsRejected: row.rowsRejected,
    percent:
      row.status === 'done' ? 100 : row.rowsTotal > 0 ? Math.floor((row.rowsDone / row.rowsTotal) * 100) : 0,
    ratePerSecond: rate === null ? null : Math.round(rate),
    secondsLeft: isActive && rate ? Math.ceil(left / rate) : null,
    error: row.error ? t(locale, `import.failure.${row.error}`) : null,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}

/** Every field HR sees on a record, plus its invitation status. */
export function presentHrRecord(row: HrRecordListRow): HrRecord {
  return {
    id: row.id,
    employeeNumber: row.employeeNumber,
    displayName: displayName(row),
    familyName: row.familyName,
    givenName: row.givenName,
    familyNameKana: row.familyNameKana,
    givenNameKana: row.givenNameKana,
    familyNameRomaji: row.familyNameRomaji,
    givenNameRomaji: row.givenNameRomaji,
    workEmail: row.workEmail,
    personalEmail: row.personalEmail,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    departments: row.departments,
    lastTitle: row.lastTitle,
    office: row.office,
    leaveReason: row.leaveReason,
    locale: row.locale,
    status: row.status,
    userId: row.userId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The first rows mapped and validated, with the mapping's own problems (already translated). */
export function presentImportPreview(preview: ImportPreview): ImportPreview {
  return {
    rows: preview.rows.map((r) => ({ line: r.line, values: r.values, errors: r.errors })),
    mappingErrors: preview.mappingErrors,
  };
}

/** A page of rejected rows: line, employee number, and each column's reason (already translated). */
export function presentImportErrors(page: ImportErrors): ImportErrors {
  return {
    items: page.items.map((item) => ({
      line: item.line,
      employeeNumber: item.employeeNumber,
      reasons: item.reasons.map((r) => ({ field: r.field, label: r.label, message: r.message })),
    })),
    total: page.total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
