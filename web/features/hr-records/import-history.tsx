import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HrImport } from '#common/hr-import';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { DataTable } from '#web/components/ui/data-table';
import { Spinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { IMPORT_STATUS_TONE } from './import-format';
import { useHrImports } from './use-hr-records';

/** The latest uploads with their outcome; each opens its mapping, progress or summary. */
export function ImportHistory() {
  const { t } = useTranslation();
  const format = useFormat();
  const imports = useHrImports();
  if (imports.isPending) return <Spinner />;
  if (imports.isError) {
    return (
      <ErrorBanner
        message={isApiError(imports.error) ? imports.error.message : t('errors.generic')}
        onRetry={() => void imports.refetch()}
      />
    );
  }
  return (
    <DataTable<HrImport>
      caption={t('hrRecords.history.title')}
      minWidth="40rem"
      rows={imports.data.items.slice(0, 10)}
      rowKey={(r) => r.id}
      empty={t('hrRecords.history.empty')}
      columns={[
        {
          key: 'file',
          header: t('hrRecords.history.file'),
          cell: (r) => (
            <Link to={`/admin/hr-imports/${r.id}`} className="font-medium text-ai-700 hover:underline">
              {r.fileName}
            </Link>
          ),
        },
        {
          key: 'uploaded',
          header: t('hrRecords.history.uploaded'),
          cell: (r) => format.dateTime(r.createdAt),
          className: 'whitespace-nowrap text-slate-700',
        },
        {
          key: 'status',
          header: t('hrRecords.history.status'),
          cell: (r) => (
            <Badge tone={IMPORT_STATUS_TONE[r.status]}>{t(`hrImport.statuses.${r.status}`)}</Badge>
          ),
        },
        {
          key: 'result',
          header: t('hrRecords.history.result'),
          cell: (r) =>
            r.status === 'uploaded'
              ? '—'
              : [
                  `${t('hrImport.summary.created')} ${format.number(r.rowsCreated)}`,
                  `${t('hrImport.summary.updated')} ${format.number(r.rowsUpdated)}`,
                  `${t('hrImport.summary.rejected')} ${format.number(r.rowsRejected)}`,
                ].join(' · '),
          className: 'text-slate-700',
        },
      ]}
    />
  );
}
