import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { HrImport, ImportEncoding, ImportMapping, ImportPreview } from '#common/hr-import';
import { HR_IMPORT_FIELDS, type HrImportField } from '#common/hr-import-fields';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { DataTable } from '#web/components/ui/data-table';
import { Select } from '#web/components/ui/select';
import { PageSpinner, Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { formatBytes, formatDuration, IMPORT_STATUS_TONE } from './import-format';
import {
  downloadErrorsCsv,
  useCancelImport,
  useHrImport,
  useImportErrors,
  useImportPreview,
  useStartImport,
} from './use-hr-records';

/**
 * One import at whatever step it is: mapping (uploaded), progress (queued/running, polled, so a
 * reload comes back here) or summary (done/failed/cancelled).
 */
export function HrImportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useHrImport(id);
  useDocumentTitle(query.data?.fileName ?? t('hrImport.newTitle'));
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorBanner
          message={isApiError(query.error) ? query.error.message : t('errors.generic')}
          onRetry={() => void query.refetch()}
        />
      </div>
    );
  }
  const row = query.data;
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <Link to="/admin/hr-records" className="text-sm text-ai-700 hover:underline">
          ← {t('hrImport.back')}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold text-slate-900">{t('hrImport.newTitle')}</h1>
          <Badge tone={IMPORT_STATUS_TONE[row.status]}>{t(`hrImport.statuses.${row.status}`)}</Badge>
        </div>
      </div>
      {row.status === 'uploaded' ? (
        <MappingStep row={row} />
      ) : row.status === 'queued' || row.status === 'running' ? (
        <ProgressStep row={row} />
      ) : (
        <Summary row={row} />
      )}
    </div>
  );
}

function MappingStep({ row }: { row: HrImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [mapping, setMapping] = useState<ImportMapping>(row.mapping ?? row.suggestedMapping);
  const [encoding, setEncoding] = useState<ImportEncoding>(row.encoding);
  const preview = useImportPreview(row.id, mapping, encoding);
  const start = useStartImport(row.id);
  const cancel = useCancelImport(row.id);
  const mappingErrors = preview.data?.mappingErrors ?? {};
  const hasMappingErrors = Object.keys(mappingErrors).length > 0;
  const fieldOptions = HR_IMPORT_FIELDS.map((f) => ({ value: f, label: t(`hrImport.fields.${f}`) }));

  const setField = (header: string, field: HrImportField | '') =>
    setMapping((m) => {
      const next = { ...m };
      if (field === '') delete next[header];
      else {
        // A field takes one column: choosing it here frees it elsewhere.
        for (const [h, f] of Object.entries(next)) if (f === field) delete next[h];
        next[header] = field;
      }
      return next;
    });

  return (
    <>
      <Card title={t('hrImport.mapping.title')} id="import-mapping">
        <p className="text-sm text-slate-600">{t('hrImport.mapping.lead')}</p>
        <p className="mt-2 text-sm font-medium text-slate-800">
          {t('hrImport.mapping.file', {
            name: row.fileName,
            rows: format.number(row.rowsTotal),
            encoding: t(`hrImport.upload.encodings.${encoding}`),
          })}{' '}
          <span className="text-slate-500">({formatBytes(row.fileSize)})</span>
        </p>
        <Select
          label={t('hrImport.upload.encoding')}
          containerClassName="mt-4 max-w-xs"
          value={encoding}
          options={(['utf-8', 'cp932'] as const).map((e) => ({
            value: e,
            label: t(`hrImport.upload.encodings.${e}`),
          }))}
          onChange={(e) => setEncoding(e.target.value as ImportEncoding)}
        />
        <div className="mt-5 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {row.headers.map((header) => (
            <Select
              key={header}
              label={header}
              aria-label={t('hrImport.mapping.fieldFor', { header })}
              value={mapping[header] ?? ''}
              emptyOption={t('hrImport.mapping.skip')}
              options={fieldOptions}
              errors={mappingErrors[header]}
              onChange={(e) => setField(header, e.target.value as HrImportField | '')}
            />
          ))}
        </div>
        {hasMappingErrors && (
          <div className="mt-4">
            <ErrorBanner message={t('hrImport.mapping.fixMapping')}>
              <ul className="mt-1 list-disc pl-5">
                {Object.entries(mappingErrors).map(([key, messages]) => (
                  <li key={key}>
                    {(HR_IMPORT_FIELDS as readonly string[]).includes(key)
                      ? t(`hrImport.fields.${key as HrImportField}`)
                      : key}
                    : {messages.join(' ')}
                  </li>
                ))}
              </ul>
            </ErrorBanner>
          </div>
        )}
      </Card>
      <Card title={t('hrImport.mapping.previewTitle')} id="import-preview">
        {preview.isFetching && (
          <div className="mb-3 flex items-center gap-2 text-sm text-slate-600">
            <Spinner size="sm" decorative />
            <span role="status">{t('hrImport.mapping.previewLoading')}</span>
          </div>
        )}
        {preview.data ? <PreviewTable preview={preview.data} isBusy={preview.isPlaceholderData} /> : null}
        {preview.isError && (
          <ErrorBanner message={isApiError(preview.error) ? preview.error.message : t('errors.generic')} />
        )}
        {start.isError && (
          <div className="mt-4">
            <ErrorBanner message={isApiError(start.error) ? start.error.message : t('errors.generic')} />
          </div>
        )}
        <div className="mt-5 flex flex-wrap gap-3">
          <Button
            disabled={hasMappingErrors || !preview.data}
            isBusy={start.isPending}
            onClick={() => start.mutate({ mapping, encoding })}
          >
            {t('hrImport.mapping.start')}
          </Button>
          <Button variant="secondary" isBusy={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('hrImport.mapping.cancel')}
          </Button>
        </div>
      </Card>
    </>
  );
}

const PREVIEW_FIELDS: HrImportField[] = [
  'employeeNumber',
  'familyName',
  'givenName',
  'familyNameKana',
  'givenNameKana',
  'joinedOn',
  'leftOn',
  'departments',
  'workEmail',
  'personalEmail',
];

function PreviewTable({ preview, isBusy }: { preview: ImportPreview; isBusy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  type Row = ImportPreview['rows'][number];
  const show = (v: Row['values'][string] | undefined) => (Array.isArray(v) ? format.list(v) : (v ?? ''));
  return (
    <DataTable<Row>
      caption={t('hrImport.mapping.previewCaption')}
      minWidth="64rem"
      rows={preview.rows}
      rowKey={(r) => String(r.line)}
      isBusy={isBusy}
      columns={[
        {
          key: 'line',
          header: t('hrImport.mapping.line'),
          cell: (r) => r.line,
          className: 'whitespace-nowrap tabular-nums text-slate-500',
        },
        // Right after the line number: the problems are what HR looks for, and a wide table would
        // otherwise hide them off to the right.
        {
          key: 'problems',
          header: <span className="whitespace-nowrap">{t('hrImport.mapping.problems')}</span>,
          className: 'min-w-56',
          cell: (r) =>
            Object.keys(r.errors).length === 0 ? (
              <Badge tone="green">{t('hrImport.mapping.ok')}</Badge>
            ) : (
              <ul className="space-y-0.5 text-xs text-red-700">
                {Object.entries(r.errors).map(([field, message]) => (
                  <li key={field}>
                    {t(`hrImport.fields.${field as HrImportField | '_row'}`)}: {message}
                  </li>
                ))}
              </ul>
            ),
        },
        ...PREVIEW_FIELDS.map((field) => ({
          key: field,
          header: <span className="whitespace-nowrap">{t(`hrImport.fields.${field}`)}</span>,
          // Dates, numbers, kana and addresses stay on one line (CJK text may otherwise break
          // between any two characters); the table scrolls sideways instead.
          className: field === 'departments' ? 'min-w-40' : 'whitespace-nowrap',
          cell: (r: Row) => (
            <span className={r.errors[field] ? 'font-medium text-red-700' : 'text-slate-800'}>
              {show(
                r.values[field] ??
                  (field === 'familyName' || field === 'givenName' ? r.values.fullName : undefined),
              )}
            </span>
          ),
        })),
      ]}
    />
  );
}

function ProgressStep({ row }: { row: HrImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cancel = useCancelImport(row.id);
  return (
    <Card title={t('hrImport.progress.title')} id="import-progress">
      <div className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-800">
          <span className="font-medium">
            {t('hrImport.progress.rows', {
              done: format.number(row.rowsDone),
              total: format.number(row.rowsTotal),
            })}
          </span>
          <span className="tabular-nums text-slate-600">{row.percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-label={t('hrImport.progress.label')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={row.percent}
          className="h-3 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className="h-full rounded-full bg-ai-600 transition-[width] duration-500"
            style={{ width: `${row.percent}%` }}
          />
        </div>
        <p className="text-sm text-slate-600" aria-live="polite">
          {row.status === 'queued' || row.ratePerSecond === null
            ? t('hrImport.progress.queued')
            : [
                t('hrImport.progress.rate', { rate: format.number(row.ratePerSecond) }),
                row.secondsLeft !== null
                  ? t('hrImport.progress.left', { time: formatDuration(t, row.secondsLeft) })
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
        </p>
        <p className="text-xs text-slate-500">{t('hrImport.progress.keepOpen')}</p>
        <Button variant="secondary" size="sm" isBusy={cancel.isPending} onClick={() => cancel.mutate()}>
          {t('hrImport.progress.cancel')}
        </Button>
      </div>
    </Card>
  );
}

/** The rejected rows on the page, 50 at a time: line, employee number, column and reason. */
function RejectedRows({ row }: { row: HrImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const errors = useImportErrors(row.id, page, row.rowsRejected > 0);
  if (errors.isPending) return <Spinner />;
  if (errors.isError) {
    return (
      <ErrorBanner
        message={isApiError(errors.error) ? errors.error.message : t('errors.generic')}
        onRetry={() => void errors.refetch()}
      />
    );
  }
  const { items, total, pageSize } = errors.data;
  type Item = (typeof items)[number];
  const from = (page - 1) * pageSize + 1;
  const to = from + items.length - 1;
  return (
    <section aria-labelledby="import-rejected-title" className="space-y-3 pt-2">
      <h3 id="import-rejected-title" className="text-base font-semibold text-slate-900">
        {t('hrImport.summary.rejectedTitle')}
      </h3>
      <DataTable<Item>
        caption={t('hrImport.summary.rejectedCaption')}
        minWidth="36rem"
        rows={items}
        rowKey={(r) => String(r.line)}
        isBusy={errors.isPlaceholderData}
        columns={[
          {
            key: 'line',
            header: t('hrImport.summary.line'),
            cell: (r) => format.number(r.line),
            className: 'whitespace-nowrap tabular-nums text-slate-500',
          },
          {
            key: 'employeeNumber',
            header: t('hrImport.summary.employeeNumber'),
            cell: (r) => r.employeeNumber ?? '—',
            className: 'whitespace-nowrap font-mono text-xs text-slate-700',
          },
          {
            key: 'reasons',
            header: `${t('hrImport.summary.column')} / ${t('hrImport.summary.reason')}`,
            cell: (r) => (
              <ul className="space-y-0.5 text-red-700">
                {r.reasons.map((reason) => (
                  <li key={reason.field}>
                    <span className="font-medium">{reason.label}</span>: {reason.message}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <span>
          {t('hrImport.summary.rejectedRange', {
            from: format.number(from),
            to: format.number(to),
            total: format.number(total),
          })}
        </span>
        {total > pageSize && (
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" disabled={page === 1} onClick={() => setPage(page - 1)}>
              {t('hrImport.summary.previous')}
            </Button>
            <Button size="sm" variant="secondary" disabled={to >= total} onClick={() => setPage(page + 1)}>
              {t('hrImport.summary.next')}
            </Button>
          </div>
        )}
      </div>
    </section>
  );
}

function Summary({ row }: { row: HrImport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [downloadError, setDownloadError] = useState(false);
  const title =
    row.status === 'done'
      ? t('hrImport.summary.title')
      : row.status === 'failed'
        ? t('hrImport.summary.failedTitle')
        : t('hrImport.summary.cancelledTitle');
  const figures = [
    ['created', row.rowsCreated],
    ['updated', row.rowsUpdated],
    ['unchanged', row.rowsUnchanged],
    ['rejected', row.rowsRejected],
  ] as const;
  return (
    <Card title={title} id="import-summary">
      <div className="space-y-5">
        {row.error && <ErrorBanner message={row.error} />}
        <div
          role="progressbar"
          aria-label={t('hrImport.progress.label')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={row.percent}
          className="h-3 overflow-hidden rounded-full bg-slate-200"
        >
          <div
            className={`h-full rounded-full ${row.status === 'done' ? 'bg-emerald-600' : 'bg-slate-400'}`}
            style={{ width: `${row.percent}%` }}
          />
        </div>
        <p className="text-sm text-slate-700">
          {t('hrImport.progress.rows', {
            done: format.number(row.rowsDone),
            total: format.number(row.rowsTotal),
          })}
        </p>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map(([key, value]) => (
            <div key={key} className="rounded-xl border border-slate-200 px-4 py-3">
              <dt className="text-xs text-slate-500">{t(`hrImport.summary.${key}`)}</dt>
              <dd
                className={`mt-1 text-2xl font-semibold tabular-nums ${
                  key === 'rejected' && value > 0 ? 'text-red-700' : 'text-slate-900'
                }`}
              >
                {format.number(value)}
              </dd>
            </div>
          ))}
        </dl>
        {row.rowsRejected > 0 && (
          <div className="space-y-2">
            <p className="text-sm text-slate-600">{t('hrImport.summary.rejectedHelp')}</p>
            <Button
              variant="secondary"
              onClick={() => {
                setDownloadError(false);
                downloadErrorsCsv(row).catch(() => setDownloadError(true));
              }}
            >
              {t('hrImport.summary.downloadErrors')}
            </Button>
            {downloadError && <ErrorBanner message={t('errors.generic')} />}
            <RejectedRows row={row} />
          </div>
        )}
        <div className="flex flex-wrap gap-3 border-t border-slate-100 pt-4">
          <Link to="/admin/hr-records" className={buttonClasses('primary', 'md')}>
            {t('hrImport.summary.toRecords')}
          </Link>
          <Link to="/admin/hr-imports/new" className={buttonClasses('secondary', 'md')}>
            {t('hrImport.summary.again')}
          </Link>
        </div>
      </div>
    </Card>
  );
}
