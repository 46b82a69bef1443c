import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { CareerPaths, PathBucket } from '#common/careers';
import { INDUSTRIES } from '#common/reference';
import { CareersNav } from '#web/components/careers-nav';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Select } from '#web/components/ui/select';
import { Spinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isApiError } from '#web/lib/api';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useCareerDepartments, useCareerPaths } from './use-careers';

/**
 * "Where the road leads" (issue 11, item 7), for employees, leavers and HR: where alumni of a
 * department went, as counts of at least three people; the alumni listed in the directory by
 * name; and the career stories they put on this page.
 */
export function CareerPathsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('careers.title'));
  const [params, setParams] = useSearchParams();
  const department = params.get('department') ?? '';
  const q = params.get('q') ?? '';
  const departments = useCareerDepartments();
  const paths = useCareerPaths(department, q);
  const data = paths.data;

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <CareersNav />
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t('careers.title')}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          {t('careers.lead', { min: data?.minCount ?? 3 })}
        </p>
      </div>
      <Filters
        key={`${department}|${q}|${data?.department ?? ''}`}
        department={department || data?.department || ''}
        q={q}
        mine={departments.data?.mine ?? []}
        options={departments.data?.items ?? []}
        onSubmit={(next) => {
          const search: Record<string, string> = {};
          if (next.department) search.department = next.department;
          if (next.q) search.q = next.q;
          setParams(search);
        }}
      />
      {paths.isError && !data ? (
        <ErrorBanner
          message={isApiError(paths.error) ? paths.error.message : t('careers.error')}
          onRetry={() => void paths.refetch()}
        />
      ) : !data ? (
        <Spinner />
      ) : (
        <Results data={data} />
      )}
    </div>
  );
}

function Filters({
  department,
  q,
  mine,
  options,
  onSubmit,
}: {
  department: string;
  q: string;
  mine: string[];
  options: { department: string; count: number }[];
  onSubmit: (next: { department: string; q: string }) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(department);
  const [keyword, setKeyword] = useState(q);
  const names = [
    ...new Set([...mine, ...options.map((o) => o.department), ...(department ? [department] : [])]),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit({ department: chosen, q: keyword.trim() });
  };
  return (
    <form
      onSubmit={submit}
      className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <Select
        label={t('careers.department')}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        options={names.map((name) => ({
          value: name,
          label: mine.includes(name) ? t('careers.ownDepartment', { department: name }) : name,
        }))}
      />
      <TextField
        label={t('careers.keyword')}
        hint={t('careers.keywordHint')}
        value={keyword}
        maxLength={80}
        onChange={(e) => setKeyword(e.target.value)}
      />
      <Button type="submit">{t('careers.show')}</Button>
    </form>
  );
}

function Results({ data }: { data: CareerPaths }) {
  const { t } = useTranslation();
  const format = useFormat();
  const min = data.minCount;
  if (!data.department) return <p className="text-slate-700">{t('careers.noDepartment')}</p>;
  if (data.total === 0) {
    return (
      <p className="rounded-2xl border border-slate-200 bg-white p-5 text-slate-700" data-testid="too-few">
        {t('careers.tooFew', { min })}
      </p>
    );
  }
  const industry = (value: string) =>
    (INDUSTRIES as readonly string[]).includes(value)
      ? format.industry(value as (typeof INDUSTRIES)[number])
      : value;
  return (
    <div className="space-y-6">
      <p className="text-lg font-semibold text-slate-900" aria-live="polite">
        {t('careers.total', { count: data.total, department: data.department })}
      </p>
      <div className="grid gap-4 md:grid-cols-3">
        <Buckets
          id="paths-roles"
          title={t('careers.roles')}
          buckets={data.roles}
          total={data.total}
          min={min}
        />
        <Buckets
          id="paths-industries"
          title={t('careers.industries')}
          buckets={data.industries}
          total={data.total}
          min={min}
          label={industry}
        />
        <Buckets
          id="paths-employers"
          title={t('careers.employers')}
          buckets={data.employers}
          total={data.total}
          min={min}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card id="paths-stories" title={t('careers.stories')} className="lg:col-span-2">
          {data.stories.length === 0 ? (
            <p className="text-sm text-slate-600">{t('careers.storiesNone')}</p>
          ) : (
            <ul className="space-y-5">
              {data.stories.map((story) => (
                <li key={story.id} className="border-b border-slate-100 pb-4 last:border-0">
                  {story.title && <h3 className="font-semibold text-slate-900">{story.title}</h3>}
                  <p className="text-xs text-slate-500">
                    {story.author ? (
                      <Link to={`/members/${story.author.id}`} className="hover:underline">
                        {story.author.displayName}
                      </Link>
                    ) : (
                      t('careers.anonymous')
                    )}{' '}
                    · {format.date(story.createdAt.slice(0, 10))}
                  </p>
                  <div
                    className="prose prose-sm mt-2 max-w-none text-slate-800"
                    // Sanitised on the server with an allow-list when it was written (decision 032).
                    // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised HTML only
                    dangerouslySetInnerHTML={{ __html: story.bodyHtml }}
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card id="paths-people" title={t('careers.people')}>
          <p className="mb-3 text-sm text-slate-600">{t('careers.peopleLead')}</p>
          {data.people.length === 0 ? (
            <p className="text-sm text-slate-600">{t('careers.peopleNone')}</p>
          ) : (
            <ul className="space-y-3">
              {data.people.map((person) => (
                <li key={person.id}>
                  <Link to={`/members/${person.id}`} className="font-medium text-ai-700 hover:underline">
                    {person.displayName}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {[
                      person.currentTitle,
                      person.currentEmployer,
                      person.industry && industry(person.industry),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}

function Buckets({
  id,
  title,
  buckets,
  total,
  min,
  label = (value: string) => value,
}: {
  id: string;
  title: string;
  buckets: PathBucket[];
  total: number;
  min: number;
  label?: (value: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Card id={id} title={title} as="h2">
      {buckets.length === 0 ? (
        <p className="text-sm text-slate-600">{t('careers.noBucket', { min })}</p>
      ) : (
        <ul className="space-y-2">
          {buckets.map((b) => (
            <li key={b.value ?? '__other'}>
              <div className="flex justify-between gap-2 text-sm">
                <span className="min-w-0 truncate text-slate-800">
                  {b.value === null ? t('careers.other') : label(b.value)}
                </span>
                <span className="shrink-0 font-medium text-slate-900">
                  {t('careers.headcount', { count: b.count })}
                </span>
              </div>
              <div aria-hidden="true" className="mt-1 h-1.5 rounded-full bg-slate-100">
                <div
                  className="h-full rounded-full bg-ai-500"
                  style={{ width: `${Math.round((b.count / total) * 100)}%` }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
