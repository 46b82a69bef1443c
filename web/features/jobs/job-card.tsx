import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type JobCard, jobTitle, type Salary } from '#common/jobs';
import { Badge } from '#web/components/ui/badge';
import { useFormat } from '#web/lib/format';

/** Labels of a job's codes, its title in the UI language and its salary, formatted. */
export function useJobFormat() {
  const { t } = useTranslation();
  const format = useFormat();
  const lang = format.lang;
  const money = (amount: number, currency: string) => {
    try {
      return new Intl.NumberFormat(lang, {
        style: 'currency',
        currency,
        // 9,000,000 yen reads better as ¥900万 / ¥9M; hourly rates stay exact.
        notation: amount >= 100_000 ? 'compact' : 'standard',
        maximumFractionDigits: amount >= 100_000 ? 1 : 0,
      }).format(amount);
    } catch {
      return `${format.number(amount)} ${currency}`;
    }
  };
  return {
    ...format,
    title: (job: { titleJa: string | null; titleEn: string | null }) => jobTitle(job, lang),
    remote: (mode: JobCard['remote']) => t(`jobs.remote.${mode}`),
    employmentType: (type: JobCard['employmentType']) => t(`jobs.employmentTypes.${type}`),
    /** "東京・ハイブリッド"; a location that already says the work style ("リモート") once. */
    where: (job: Pick<JobCard, 'location' | 'remote'>) => {
      const remote = t(`jobs.remote.${job.remote}`);
      return job.location.trim().toLowerCase() === remote.toLowerCase()
        ? job.location
        : t('jobs.card.where', { location: job.location, remote });
    },
    salary: (salary: Salary) => {
      const period = t(`jobs.periods.${salary.period}`);
      const min = salary.min === null ? null : money(salary.min, salary.currency);
      const max = salary.max === null ? null : money(salary.max, salary.currency);
      if (min && max) return t('jobs.salary.range', { min, max, period });
      if (min) return t('jobs.salary.from', { min, period });
      return t('jobs.salary.upTo', { max: max ?? '', period });
    },
  };
}

/** One job in a list; `children` adds to the card (e.g. "why it fits"). */
export function JobCardView({ job, children }: { job: JobCard; children?: ReactNode }) {
  const { t } = useTranslation();
  const f = useJobFormat();
  return (
    <article className="relative flex h-full flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-xs transition-shadow focus-within:ring-2 focus-within:ring-ai-300 hover:shadow-md sm:p-5">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <h3 className="text-base font-semibold text-slate-900">
            <Link
              to={`/jobs/${job.id}`}
              className="after:absolute after:inset-0 after:rounded-2xl hover:text-ai-700 focus-visible:outline-none"
            >
              {f.title(job)}
            </Link>
          </h3>
          <p className="mt-0.5 text-sm text-slate-600">{job.department}</p>
        </div>
        <Badge tone={job.employmentType === 'side_job' ? 'shu' : 'ai'}>
          {f.employmentType(job.employmentType)}
        </Badge>
      </header>
      <dl className="space-y-1 text-sm">
        <div className="flex gap-2">
          <dt className="sr-only">{t('jobs.detail.location')}</dt>
          <dd className="text-slate-700">{f.where(job)}</dd>
        </div>
        {job.salary && (
          <div className="flex gap-2">
            <dt className="sr-only">{t('jobs.salary.label')}</dt>
            <dd className="text-slate-700">{f.salary(job.salary)}</dd>
          </div>
        )}
        <div className="flex gap-2">
          <dt className="sr-only">{t('jobs.detail.closes')}</dt>
          <dd className="text-slate-500">{t('jobs.card.closes', { date: f.date(job.closesOn) })}</dd>
        </div>
      </dl>
      {children}
    </article>
  );
}

export function JobCardSkeleton() {
  return (
    <div aria-hidden="true" className="h-40 animate-pulse rounded-2xl border border-slate-200 bg-white p-5">
      <div className="h-4 w-2/3 rounded bg-slate-200" />
      <div className="mt-2 h-3 w-1/3 rounded bg-slate-100" />
      <div className="mt-6 h-3 w-1/2 rounded bg-slate-100" />
      <div className="mt-2 h-3 w-1/4 rounded bg-slate-100" />
    </div>
  );
}
