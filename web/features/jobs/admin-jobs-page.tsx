import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ADMIN_JOB_FILTERS, type AdminJob, type AdminJobFilter } from '#common/jobs';
import { ErrorBanner, SuccessBanner } from '#web/components/ui/banners';
import { buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { DataTable, type DataTableColumn } from '#web/components/ui/data-table';
import { Pagination } from '#web/components/ui/pagination';
import { Spinner } from '#web/components/ui/spinner';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useFlash } from '#web/lib/use-flash';
import { useJobFormat } from './job-card';
import { AudienceSummary, JobStatusBadge } from './job-status';
import { useAdminJobs } from './use-jobs';

const PAGE_SIZE = 25;

/** HR: every job in every state — status, audience, closing day (expired flagged) — and "new job". */
export function AdminJobsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('jobs.admin.title'));
  const f = useJobFormat();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status') as AdminJobFilter | null;
  const status: AdminJobFilter = requested && ADMIN_JOB_FILTERS.includes(requested) ? requested : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const jobs = useAdminJobs(status, page, PAGE_SIZE);
  const data = jobs.data;
  const notice = useFlash<'published' | 'closed'>('notice');

  const setFilter = (next: AdminJobFilter) => setParams(next === 'all' ? {} : { status: next });

  const columns: DataTableColumn<AdminJob>[] = [
    {
      key: 'title',
      header: t('jobs.admin.columns.title'),
      cell: (job) => (
        <Link to={`/jobs/${job.id}`} className="font-medium text-ai-700 hover:underline">
          {f.title(job)}
        </Link>
      ),
    },
    { key: 'department', header: t('jobs.admin.columns.department'), cell: (job) => job.department },
    {
      key: 'status',
      header: t('jobs.admin.columns.status'),
      cell: (job) => <JobStatusBadge status={job.status} expired={job.expired} />,
    },
    {
      key: 'audience',
      header: t('jobs.admin.columns.audience'),
      cell: (job) => <AudienceSummary audience={job.audience} />,
    },
    {
      key: 'closes',
      header: t('jobs.admin.columns.closes'),
      cell: (job) => <span className={job.expired ? 'text-amber-800' : ''}>{f.date(job.closesOn)}</span>,
      className: 'whitespace-nowrap',
    },
    {
      key: 'actions',
      header: t('jobs.admin.columns.actions'),
      cell: (job) => (
        <Link
          to={`/admin/jobs/${job.id}/edit`}
          className={buttonClasses('secondary', 'compact')}
          aria-label={`${t('jobs.admin.edit')}: ${f.title(job)}`}
        >
          {t('jobs.admin.edit')}
        </Link>
      ),
      className: 'whitespace-nowrap',
    },
  ];

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('jobs.admin.title')}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('jobs.admin.lead')}</p>
        </div>
        <Link to="/admin/jobs/new" className={buttonClasses('primary', 'md')}>
          {t('jobs.admin.new')}
        </Link>
      </div>
      {notice && <SuccessBanner>{t(`jobs.form.${notice}`)}</SuccessBanner>}
      <Card>
        <nav aria-label={t('jobs.admin.show')} className="-mx-1 mb-4 flex gap-1 overflow-x-auto">
          {ADMIN_JOB_FILTERS.map((filter) => (
            <button
              key={filter}
              type="button"
              aria-pressed={filter === status}
              onClick={() => setFilter(filter)}
              className={
                'whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ' +
                (filter === status ? 'bg-ai-700 text-white' : 'text-slate-700 hover:bg-slate-100')
              }
            >
              {t(`jobs.admin.filters.${filter}`, { count: data?.counts[filter] ?? 0 })}
            </button>
          ))}
        </nav>
        {jobs.isPending && <Spinner />}
        {jobs.isError && <ErrorBanner message={t('errors.generic')} onRetry={() => void jobs.refetch()} />}
        {data && (
          <>
            <DataTable
              caption={t('jobs.admin.caption')}
              columns={columns}
              rows={data.items}
              rowKey={(job) => job.id}
              minWidth="52rem"
              empty={t('jobs.admin.empty')}
              isBusy={jobs.isPlaceholderData}
            />
            <div className="mt-4">
              <Pagination
                page={page}
                pageCount={Math.max(1, Math.ceil(data.total / PAGE_SIZE))}
                onChange={(next) =>
                  setParams({
                    ...(status !== 'all' ? { status } : {}),
                    ...(next > 1 ? { page: String(next) } : {}),
                  })
                }
              />
            </div>
          </>
        )}
      </Card>
    </div>
  );
}
