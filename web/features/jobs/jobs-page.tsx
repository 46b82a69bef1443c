import { type ReactNode, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EMPLOYMENT_TYPES, REMOTE_MODES } from '#common/rehiring-reference';
import { CareersNav } from '#web/components/careers-nav';
import { SearchBox } from '#web/components/search-box';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Pagination } from '#web/components/ui/pagination';
import { Select } from '#web/components/ui/select';
import { useMe } from '#web/features/auth/use-me';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { JobCardSkeleton, JobCardView } from './job-card';
import {
  hasJobFilters,
  type JobSearchState,
  jobsQuery,
  parseJobSearch,
  toJobSearchParams,
} from './job-search-state';
import { useFitJobs, useJobs } from './use-jobs';

const PAGE_SIZE = 20;

function Skeletons() {
  const { t } = useTranslation();
  return (
    <ul aria-busy="true" aria-label={t('common.loading')} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {Array.from({ length: 4 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <li key={i}>
          <JobCardSkeleton />
        </li>
      ))}
    </ul>
  );
}

function EmptyState({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <div className="rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <p className="font-semibold text-slate-900">{title}</p>
      <p className="mx-auto mt-1 max-w-xl text-sm text-slate-600">{body}</p>
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}

/** `/jobs`: every open job the viewer may see, with search, filters and pages in the URL. */
export function JobsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('jobs.title'));
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseJobSearch(params), [params]);
  const jobs = useJobs(jobsQuery(state, PAGE_SIZE));
  const topRef = useRef<HTMLHeadingElement>(null);

  const update = useCallback(
    (change: Partial<JobSearchState>, keepPage = false) => {
      setParams(
        (current) => {
          const base = parseJobSearch(current);
          return toJobSearchParams({ ...base, ...change, page: keepPage ? (change.page ?? base.page) : 1 });
        },
        { flushSync: true },
      );
    },
    [setParams],
  );

  const data = jobs.data;
  const error = jobs.error;
  const facets = data?.facets;
  // Keep a chosen value selectable even when no visible job has it any more.
  const withChosen = (values: { value: string }[] | undefined, chosen: string) => {
    const list = (values ?? []).map((v) => v.value);
    return chosen && !list.includes(chosen) ? [chosen, ...list] : list;
  };
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 0;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('jobs.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('jobs.lead')}</p>
      </div>
      <SearchBox
        initialValue={state.q}
        onSearch={(q) => q !== state.q && update({ q })}
        label={t('jobs.search.label')}
        placeholder={t('jobs.search.placeholder')}
      />

      <section aria-label={t('jobs.filters.label')} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Select
          label={t('jobs.filters.department')}
          name="department"
          value={state.department}
          emptyOption={t('jobs.filters.any')}
          options={withChosen(facets?.department, state.department).map((v) => ({ value: v, label: v }))}
          onChange={(e) => update({ department: e.target.value })}
        />
        <Select
          label={t('jobs.filters.location')}
          name="location"
          value={state.location}
          emptyOption={t('jobs.filters.any')}
          options={withChosen(facets?.location, state.location).map((v) => ({ value: v, label: v }))}
          onChange={(e) => update({ location: e.target.value })}
        />
        <Select
          label={t('jobs.filters.remote')}
          name="remote"
          value={state.remote}
          emptyOption={t('jobs.filters.any')}
          options={REMOTE_MODES.map((m) => ({ value: m, label: t(`jobs.remote.${m}`) }))}
          onChange={(e) => update({ remote: e.target.value as JobSearchState['remote'] })}
        />
        <Select
          label={t('jobs.filters.employmentType')}
          name="type"
          value={state.type}
          emptyOption={t('jobs.filters.any')}
          options={EMPLOYMENT_TYPES.map((m) => ({ value: m, label: t(`jobs.employmentTypes.${m}`) }))}
          onChange={(e) => update({ type: e.target.value as JobSearchState['type'] })}
        />
      </section>

      <section aria-labelledby="jobs-results" className="min-w-0">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
          <h2
            id="jobs-results"
            ref={topRef}
            className="scroll-mt-20 text-sm text-slate-700"
            aria-live="polite"
          >
            {data
              ? t('jobs.count', { count: data.total, formatted: format.number(data.total) })
              : error
                ? ''
                : t('common.loading')}
          </h2>
          {hasJobFilters(state) && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => update({ department: '', location: '', remote: '', type: '' })}
            >
              {t('jobs.filters.clear')}
            </Button>
          )}
        </div>
        {error && !data ? (
          <ErrorBanner
            message={isApiError(error) ? error.message : t('errors.generic')}
            onRetry={isApiError(error) && error.status === 400 ? undefined : () => void jobs.refetch()}
          />
        ) : !data ? (
          <Skeletons />
        ) : data.items.length === 0 ? (
          state.q || hasJobFilters(state) ? (
            <EmptyState title={t('jobs.empty.title')} body={t('jobs.empty.body')} />
          ) : (
            <EmptyState
              title={t('jobs.empty.title')}
              body={t('jobs.empty.none')}
              action={
                <Link to="/jobs/alerts" className={buttonClasses('secondary', 'sm')}>
                  {t('careersNav.alerts')}
                </Link>
              }
            />
          )
        ) : (
          <>
            <ul
              aria-busy={jobs.isPlaceholderData || undefined}
              className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${jobs.isPlaceholderData ? 'opacity-60' : ''}`}
            >
              {data.items.map((job) => (
                <li key={job.id}>
                  <JobCardView job={job} />
                </li>
              ))}
            </ul>
            <div className="mt-6">
              <Pagination
                page={state.page}
                pageCount={pageCount}
                onChange={(page) => {
                  update({ page }, true);
                  topRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
              />
            </div>
          </>
        )}
      </section>
    </div>
  );
}

/** `/jobs/fit`: open jobs ranked against the viewer's profile, each with why it fits. */
export function FitJobsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('jobs.fit.title'));
  const format = useFormat();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const page = parseJobSearch(params).page;
  const fit = useFitJobs(page, PAGE_SIZE);
  const data = fit.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 0;
  const noProfile = data && data.profile.skills === 0 && data.profile.departments === 0;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('jobs.fit.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('jobs.fit.lead')}</p>
      </div>
      {fit.isError && !data ? (
        <ErrorBanner
          message={isApiError(fit.error) ? fit.error.message : t('errors.generic')}
          onRetry={() => void fit.refetch()}
        />
      ) : !data ? (
        <Skeletons />
      ) : data.items.length === 0 ? (
        noProfile ? (
          <EmptyState
            title={t('jobs.fit.noProfile.title')}
            body={t('jobs.fit.noProfile.body')}
            action={
              me && (
                <Link to={`/members/${me.id}/edit`} className={buttonClasses('primary', 'sm')}>
                  {t('jobs.fit.noProfile.link')}
                </Link>
              )
            }
          />
        ) : (
          <EmptyState
            title={t('jobs.fit.none.title')}
            body={t('jobs.fit.none.body')}
            action={
              <Link to="/jobs" className={buttonClasses('secondary', 'sm')}>
                {t('jobs.fit.none.link')}
              </Link>
            }
          />
        )
      ) : (
        <section aria-labelledby="fit-results">
          <h2 id="fit-results" className="mb-4 text-sm text-slate-700" aria-live="polite">
            {t('jobs.fit.count', { count: data.total, formatted: format.number(data.total) })}
          </h2>
          <ol
            className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${fit.isPlaceholderData ? 'opacity-60' : ''}`}
          >
            {data.items.map(({ job, reasons }) => (
              <li key={job.id}>
                <JobCardView job={job}>
                  <div className="mt-auto border-t border-slate-100 pt-3">
                    <p className="text-xs font-medium text-slate-500">{t('jobs.fit.why')}</p>
                    <ul className="mt-1.5 flex flex-wrap gap-1.5" aria-label={t('jobs.fit.why')}>
                      {reasons.skills.map((skill) => (
                        <li key={skill}>
                          <Badge tone="green">
                            <span className="sr-only">{t('jobs.fit.skill')}: </span>
                            {skill}
                          </Badge>
                        </li>
                      ))}
                      {reasons.department && (
                        <li>
                          <Badge tone="ai">
                            {t('jobs.fit.department')}: {job.department}
                          </Badge>
                        </li>
                      )}
                      {reasons.location && (
                        <li>
                          <Badge tone="amber">
                            {job.remote === 'remote' ? t('jobs.fit.remote') : t('jobs.fit.location')}
                          </Badge>
                        </li>
                      )}
                    </ul>
                  </div>
                </JobCardView>
              </li>
            ))}
          </ol>
          <div className="mt-6">
            <Pagination
              page={page}
              pageCount={pageCount}
              onChange={(next) => setParams(next > 1 ? { page: String(next) } : {})}
            />
          </div>
        </section>
      )}
    </div>
  );
}
