import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Job } from '#common/jobs';
import { CareersNav } from '#web/components/careers-nav';
import { NotFoundPage } from '#web/components/not-found-page';
import { Badge } from '#web/components/ui/badge';
import { ErrorBanner } from '#web/components/ui/banners';
import { buttonClasses } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { PageSpinner } from '#web/components/ui/spinner';
import { ReferFromJob } from '#web/features/referrals/refer-panel';
import { JobInterestPanel } from '#web/features/return-interests/job-interest-panel';
import { isApiError } from '#web/lib/api';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useJobFormat } from './job-card';
import { AudienceSummary, JobStatusBadge } from './job-status';
import { useJob } from './use-jobs';

/** `/jobs/:id`: one job — for members a listed job in their audience, for HR any job. */
export function JobPage() {
  const { id } = useParams();
  const query = useJob(id);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return <NotFoundPage />;
    }
    return (
      <div className="mx-auto max-w-4xl px-4 py-8">
        <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <JobView job={query.data} />;
}

function JobView({ job }: { job: Job }) {
  const { t } = useTranslation();
  const f = useJobFormat();
  const title = f.title(job);
  useDocumentTitle(title);
  const mine = f.lang === 'ja' ? job.descriptionJa : job.descriptionEn;
  const description = mine ?? job.descriptionJa ?? job.descriptionEn ?? '';
  const otherLanguage = f.lang === 'ja' ? t('jobs.detail.languageEn') : t('jobs.detail.languageJa');
  const otherTitle = f.lang === 'ja' ? job.titleEn : job.titleJa;
  const isHrView = job.status !== undefined;

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <p>
        <Link to="/jobs" className="text-sm text-ai-700 underline-offset-2 hover:underline">
          ← {t('jobs.detail.back')}
        </Link>
      </p>

      {isHrView && (
        <div
          className="flex flex-wrap items-center gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          data-testid="job-hr-bar"
        >
          <span className="font-medium">{t('jobs.detail.hrView')}</span>
          <JobStatusBadge status={job.status ?? 'draft'} expired={job.expired ?? false} />
          {job.audience && <AudienceSummary audience={job.audience} />}
          {!job.isListed && <span>{t('jobs.detail.notListed')}</span>}
          <Link to={`/admin/jobs/${job.id}/edit`} className={buttonClasses('secondary', 'sm', 'ml-auto')}>
            {t('jobs.detail.edit')}
          </Link>
        </div>
      )}

      <header>
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={job.employmentType === 'side_job' ? 'shu' : 'ai'}>
            {f.employmentType(job.employmentType)}
          </Badge>
          <Badge>{f.remote(job.remote)}</Badge>
        </div>
        <h1 className="mt-2 text-2xl font-bold text-slate-900 sm:text-3xl">{title}</h1>
        {otherTitle && otherTitle !== title && (
          <p className="mt-1 text-sm text-slate-500" lang={f.lang === 'ja' ? 'en' : 'ja'}>
            {t('jobs.detail.otherTitle', { language: otherLanguage, title: otherTitle })}
          </p>
        )}
      </header>

      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">{t('jobs.detail.department')}</dt>
            <dd className="font-medium text-slate-900">{job.department}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('jobs.detail.location')}</dt>
            <dd className="font-medium text-slate-900">{f.where(job)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('jobs.detail.type')}</dt>
            <dd className="font-medium text-slate-900">{f.employmentType(job.employmentType)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t('jobs.detail.closes')}</dt>
            <dd className="font-medium text-slate-900" data-testid="job-closes">
              {t('jobs.detail.closesValue', { date: f.date(job.closesOn) })}
            </dd>
          </div>
          {job.salary && (
            <div>
              <dt className="text-slate-500">{t('jobs.salary.label')}</dt>
              <dd className="font-medium text-slate-900">{f.salary(job.salary)}</dd>
            </div>
          )}
          {job.skills.length > 0 && (
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t('jobs.detail.skills')}</dt>
              <dd className="mt-1">
                <ul className="flex flex-wrap gap-1.5">
                  {job.skills.map((skill) => (
                    <li key={skill} className="rounded-md bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                      {skill}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      </Card>

      <Card title={t('jobs.detail.about')} id="job-description">
        {!mine && (
          <p className="mb-3 text-sm text-slate-500">
            {t('jobs.detail.onlyIn', {
              language: f.lang === 'ja' ? t('jobs.detail.languageEn') : t('jobs.detail.languageJa'),
            })}
          </p>
        )}
        {/* Plain text: React escapes it; line breaks are kept by CSS, never by injected HTML. */}
        <div
          className="whitespace-pre-line break-words leading-relaxed text-slate-800"
          lang={mine ? f.lang : f.lang === 'ja' ? 'en' : 'ja'}
          data-testid="job-description"
        >
          {description}
        </div>
      </Card>

      {job.isListed && (
        <>
          <JobInterestPanel jobId={job.id} />
          <ReferFromJob job={job} />
        </>
      )}
    </div>
  );
}
