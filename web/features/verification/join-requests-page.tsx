import { useTranslation } from 'react-i18next';
import type { JoinRequest } from '#common/verification';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Card } from '#web/components/ui/card';
import { DataTable } from '#web/components/ui/data-table';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { EligibilityRulesForm } from './eligibility-rules-form';
import { JoinRequestCard } from './join-request-card';
import { useJoinRequests } from './use-join-requests';

/** HR: join requests waiting for a decision, the decided ones, and the eligibility rules. */
export function JoinRequestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('joinRequests.title'));
  const pending = useJoinRequests('pending');
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('joinRequests.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('joinRequests.lead')}</p>
      </div>
      <Card title={t('joinRequests.pending', { count: pending.data?.items.length ?? 0 })} id="join-pending">
        {pending.isPending && <Spinner />}
        {pending.isError && (
          <ErrorBanner message={t('errors.generic')} onRetry={() => void pending.refetch()} />
        )}
        {pending.data?.items.length === 0 && (
          <p className="py-4 text-center text-sm text-slate-500">{t('joinRequests.empty')}</p>
        )}
        <div className="space-y-4">
          {pending.data?.items.map((r) => (
            <JoinRequestCard key={r.id} request={r} />
          ))}
        </div>
      </Card>
      <Card title={t('joinRequests.history')} id="join-history">
        <History />
      </Card>
      <Card title={t('joinRequests.rules.title')} id="join-rules">
        <EligibilityRulesForm />
      </Card>
    </div>
  );
}

function History() {
  const { t } = useTranslation();
  const format = useFormat();
  const decided = useJoinRequests('decided');
  if (decided.isPending) return <Spinner />;
  if (decided.isError)
    return <ErrorBanner message={t('errors.generic')} onRetry={() => void decided.refetch()} />;
  const decisionOf = (r: JoinRequest) =>
    r.decision === 'auto' ? t('joinRequests.decisionAuto') : (r.decidedBy ?? '—');
  return (
    <DataTable
      caption={t('joinRequests.history')}
      minWidth="48rem"
      rows={decided.data.items}
      rowKey={(r) => r.id}
      empty={t('joinRequests.historyEmpty')}
      columns={[
        {
          key: 'name',
          header: t('joinRequests.columns.name'),
          cell: (r) => r.displayName,
          className: 'font-medium',
        },
        {
          key: 'email',
          header: t('joinRequests.contactEmail'),
          cell: (r) => r.email,
          className: 'break-all',
        },
        {
          key: 'status',
          header: t('joinRequests.columns.status'),
          cell: (r) => (
            <Badge tone={r.status === 'approved' ? 'green' : 'neutral'}>
              {t(`joinRequests.status.${r.status}`)}
            </Badge>
          ),
        },
        { key: 'by', header: t('joinRequests.columns.by'), cell: decisionOf },
        {
          key: 'at',
          header: t('joinRequests.columns.at'),
          cell: (r) => (r.decidedAt ? format.dateTime(r.decidedAt) : '—'),
        },
        {
          key: 'note',
          header: t('joinRequests.columns.note'),
          cell: (r) =>
            r.decisionNote === 'already_member' && r.decision === 'auto'
              ? t('joinRequests.flags.already_member')
              : (r.decisionNote ?? ''),
          className: 'text-slate-600',
        },
      ]}
    />
  );
}
