import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Suspension } from '#common/moderation';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { DataTable, type DataTableColumn } from '#web/components/ui/data-table';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useLiftSuspension, useSuspensions } from './use-moderation';

/** HR: the members whose posting is paused right now, with "lift". */
export function AdminSuspensionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('moderation.suspensions.title'));
  const f = useFormat();
  const list = useSuspensions();
  const lift = useLiftSuspension();
  const [isLifted, setLifted] = useState(false);

  const columns: DataTableColumn<Suspension>[] = [
    { key: 'member', header: t('moderation.suspensions.columns.member'), cell: (s) => s.member.displayName },
    {
      key: 'until',
      header: t('moderation.suspensions.columns.until'),
      cell: (s) => f.dateTime(s.until),
      className: 'whitespace-nowrap',
    },
    {
      key: 'reason',
      header: t('moderation.suspensions.columns.reason'),
      cell: (s) => <span className="whitespace-pre-wrap break-words">{s.reason}</span>,
    },
    {
      key: 'by',
      header: t('moderation.suspensions.columns.by'),
      cell: (s) => s.createdBy?.displayName ?? '—',
    },
    {
      key: 'actions',
      header: t('moderation.suspensions.columns.actions'),
      cell: (s) => (
        <Button
          variant="secondary"
          size="compact"
          aria-label={t('moderation.suspensions.liftLabel', { name: s.member.displayName })}
          isBusy={lift.isPending && lift.variables === s.id}
          onClick={() => lift.mutate(s.id, { onSuccess: () => setLifted(true) })}
        >
          {t('moderation.suspensions.lift')}
        </Button>
      ),
    },
  ];

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('moderation.suspensions.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('moderation.suspensions.lead')}</p>
        </div>
        <Link to="/admin/moderation" className={buttonClasses('secondary', 'md')}>
          {t('moderation.suspensions.back')}
        </Link>
      </div>
      {isLifted && <SuccessBanner>{t('moderation.suspensions.lifted')}</SuccessBanner>}
      {lift.isError && <ErrorBanner message={lift.error.message} />}
      <Card>
        {list.isPending && <Spinner />}
        {list.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void list.refetch()} />}
        {list.data && (
          <DataTable
            caption={t('moderation.suspensions.caption')}
            columns={columns}
            rows={list.data.items}
            rowKey={(s) => s.id}
            minWidth="40rem"
            empty={t('moderation.suspensions.empty')}
          />
        )}
      </Card>
    </div>
  );
}
