import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { REPORT_STATUSES, type ReportGroup, type ReportStatus } from '#common/moderation';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { ReportReview } from './report-review';
import { useReportQueue } from './use-moderation';

/** HR's review queue: reported posts and comments per state, one opened for review beside it. */
export function AdminModerationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('moderation.admin.title'));
  const [params, setParams] = useSearchParams();
  const requested = params.get('status') as ReportStatus | null;
  const status: ReportStatus = requested && REPORT_STATUSES.includes(requested) ? requested : 'open';
  const selected = params.get('report');
  const queue = useReportQueue(status);

  const open = (reportId: string | null) =>
    setParams({ ...(status !== 'open' ? { status } : {}), ...(reportId ? { report: reportId } : {}) });

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('moderation.admin.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('moderation.admin.lead')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link to="/admin/moderation/people" className={buttonClasses('secondary', 'md')}>
            {t('messaging.people.tab')}
          </Link>
          <Link to="/admin/moderation/suspensions" className={buttonClasses('secondary', 'md')}>
            {t('moderation.admin.suspensionsLink')}
          </Link>
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card>
          <nav aria-label={t('moderation.admin.tabsLabel')} className="-mx-1 mb-4 flex gap-1 overflow-x-auto">
            {REPORT_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={s === status}
                onClick={() => setParams(s === 'open' ? {} : { status: s })}
                className={
                  'whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ' +
                  (s === status ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100')
                }
              >
                {t(`moderation.admin.tabs.${s}`, { count: queue.data?.counts[s] ?? 0 })}
              </button>
            ))}
          </nav>
          {queue.isPending && <Spinner />}
          {queue.isError && (
            <ErrorBanner message={t('errors.generic')} onRetry={() => void queue.refetch()} />
          )}
          {queue.data && queue.data.items.length === 0 && (
            <p className="text-sm text-slate-600">{t('moderation.admin.empty')}</p>
          )}
          {queue.data && queue.data.items.length > 0 && (
            <ul
              className="divide-y divide-slate-200"
              aria-label={t(`moderation.admin.tabs.${status}`, { count: queue.data.counts[status] })}
            >
              {queue.data.items.map((g) => (
                <QueueItem
                  key={g.reportId}
                  group={g}
                  isSelected={g.reportId === selected}
                  onOpen={() => open(g.reportId)}
                />
              ))}
            </ul>
          )}
        </Card>
        {selected && <ReportReview key={selected} reportId={selected} onClose={() => open(null)} />}
      </div>
    </div>
  );
}

function QueueItem({
  group,
  isSelected,
  onOpen,
}: {
  group: ReportGroup;
  isSelected: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <li className={`space-y-2 py-3 ${isSelected ? 'bg-ai-50' : ''}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="ai">{t(`moderation.admin.${group.targetType}`)}</Badge>
        {group.isHidden && <Badge tone="amber">{t('moderation.admin.hiddenBadge')}</Badge>}
        <span className="text-sm font-medium text-slate-900">
          {t('moderation.admin.reportCount', { count: group.reportCount })}
        </span>
      </div>
      <p className="line-clamp-3 break-words text-sm text-slate-800">{group.excerpt}</p>
      <p className="text-xs text-slate-600">
        {t('moderation.admin.by', { name: group.author?.displayName ?? t('moderation.admin.unknownAuthor') })}
      </p>
      <div className="flex flex-wrap gap-1">
        {group.categories.map((c) => (
          <Badge
            key={c.category}
            tone={c.category === 'harassment' || c.category === 'confidential' ? 'red' : 'neutral'}
          >
            {t(`moderation.report.categories.${c.category}`)} × {c.count}
          </Badge>
        ))}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-xs text-slate-500">
          {t('moderation.admin.reportedBetween', {
            first: f.dateTime(group.firstReportedAt),
            last: f.dateTime(group.lastReportedAt),
          })}
        </span>
        <Button
          size="sm"
          variant={isSelected ? 'primary' : 'secondary'}
          onClick={onOpen}
          aria-current={isSelected || undefined}
        >
          {t('moderation.admin.review')}
        </Button>
      </div>
    </li>
  );
}
