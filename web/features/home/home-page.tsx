import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Activity, HrHome, MemberHome } from '#common/home';
import { SearchBox } from '#web/components/search-box';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button } from '#web/components/ui/button';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { FreshnessBanner } from '#web/features/freshness/freshness-banner';
import { GroupsForYou } from '#web/features/groups/groups-for-you';
import { JobCardView } from '#web/features/jobs/job-card';
import { useFitJobs } from '#web/features/jobs/use-jobs';
import { Feed } from '#web/features/posts/feed';
import { PeopleToMeetLink } from '#web/features/suggestions/people-to-meet-link';
import { useFormat } from '#web/lib/format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { UpcomingEventsForYou } from './upcoming-events';
import { useDismissChecklist, useHrHome, useMemberHome } from './use-home';

/**
 * Home (issue 11, item 6). A member sees the freshness prompt, the getting-started checklist, the
 * feed, groups and jobs that fit; HR sees first the figures that need action and the latest
 * activity, then the same feed.
 */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const me = useCurrentMe();
  const format = useFormat();
  const navigate = useNavigate();
  const isHr = isHrRole(me.role);

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <FreshnessBanner memberId={me.id} />
      <section className="rounded-3xl bg-gradient-to-br from-ai-700 to-ai-900 px-5 py-6 text-white shadow-lg sm:px-8 sm:py-8">
        <p className="text-sm font-medium text-ai-200">{format.role(me.role)}</p>
        <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{t('home.welcome', { name: me.displayName })}</h1>
        <p className="mt-2 max-w-2xl text-ai-100">{t('home.lead')}</p>
        <div className="mt-4 max-w-2xl rounded-2xl bg-white p-2 text-slate-900 shadow">
          <SearchBox
            size="lg"
            onSearch={(q) => navigate(q ? `/directory?q=${encodeURIComponent(q)}` : '/directory')}
          />
        </div>
      </section>

      {isHr && <HrSection />}
      <Checklist />

      <div className="grid gap-6 lg:grid-cols-3">
        <div id="feed" className="min-w-0 space-y-6 lg:col-span-2">
          <Feed top={<UpcomingEventsForYou />} />
        </div>
        <aside className="min-w-0 space-y-6">
          <GroupsForYou />
          <PeopleToMeetLink />
          <FitJobs />
        </aside>
      </div>
    </div>
  );
}

// ---- the member's getting-started checklist --------------------------------------------------

function Checklist() {
  const { t } = useTranslation();
  const home = useMemberHome();
  const dismiss = useDismissChecklist();
  const data: MemberHome | undefined = home.data;
  if (!data || data.checklist.dismissed) return null;
  const { items, doneCount } = data.checklist;
  if (doneCount === items.length) return null;
  return (
    <Card
      id="getting-started"
      title={t('home.checklist.title')}
      actions={
        <Button variant="ghost" size="sm" isBusy={dismiss.isPending} onClick={() => dismiss.mutate(true)}>
          {t('home.checklist.dismiss')}
        </Button>
      }
    >
      <p className="mb-3 text-sm text-slate-600">
        {t('home.checklist.progress', { done: doneCount, total: items.length })}
      </p>
      <div
        className="mb-4 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={t('home.checklist.title')}
        aria-valuemin={0}
        aria-valuemax={items.length}
        aria-valuenow={doneCount}
      >
        <div className="h-full bg-ai-600" style={{ width: `${(doneCount / items.length) * 100}%` }} />
      </div>
      <ul className="space-y-2" data-testid="checklist">
        {items.map((item) => (
          <li key={item.key} className="flex items-center gap-3">
            <span
              aria-hidden="true"
              className={`flex size-6 shrink-0 items-center justify-center rounded-full text-sm ${
                item.done ? 'bg-green-600 text-white' : 'border border-slate-300 text-transparent'
              }`}
            >
              ✓
            </span>
            <span className="sr-only">
              {item.done ? t('home.checklist.done') : t('home.checklist.todo')}:{' '}
            </span>
            {item.done ? (
              <span className="text-slate-500 line-through">{t(`home.checklist.items.${item.key}`)}</span>
            ) : (
              <Link to={item.link} className="font-medium text-ai-700 underline-offset-2 hover:underline">
                {t(`home.checklist.items.${item.key}`)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

// ---- jobs that fit (the jobs feature's API and card) ------------------------------------------

function FitJobs() {
  const { t } = useTranslation();
  const fit = useFitJobs(1, 3);
  return (
    <Card
      id="home-jobs"
      title={t('home.jobs.title')}
      actions={
        <Link to="/jobs/fit" className="text-sm font-medium text-ai-700 hover:underline">
          {t('home.jobs.all')}
        </Link>
      }
    >
      {fit.isError ? (
        <p className="text-sm text-red-700">{t('home.jobs.error')}</p>
      ) : !fit.data ? (
        <Spinner />
      ) : fit.data.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('home.jobs.none')}</p>
      ) : (
        <ul className="space-y-3">
          {fit.data.items.map(({ job }) => (
            <li key={job.id}>
              <JobCardView job={job} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

// ---- HR: figures that need action and the latest activity -------------------------------------

function HrSection() {
  const { t } = useTranslation();
  const hr = useHrHome(true);
  if (hr.isError) return <ErrorBanner message={t('home.hr.error')} onRetry={() => void hr.refetch()} />;
  if (!hr.data) return <Spinner />;
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <Figures data={hr.data} />
      </div>
      <ActivityList items={hr.data.activity} />
    </div>
  );
}

function Figures({ data }: { data: HrHome }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="hr-figures-title">
      <h2 id="hr-figures-title" className="mb-3 text-lg font-semibold text-slate-900">
        {t('home.hr.figuresTitle')}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="hr-figures">
        {data.figures.map((f) => (
          <li key={f.key}>
            <Link
              to={f.link}
              className={`flex h-full flex-col rounded-2xl border p-4 shadow-xs transition-shadow hover:shadow-md ${
                f.count > 0 ? 'border-amber-200 bg-amber-50' : 'border-slate-200 bg-white'
              }`}
            >
              <span className="text-3xl font-bold text-slate-900">{format.number(f.count)}</span>
              <span className="mt-1 text-sm font-medium text-slate-800">{t(`home.hr.figures.${f.key}`)}</span>
              {f.key === 'staleProfiles' && (
                <span className="mt-0.5 text-xs text-slate-600">
                  {t('home.hr.staleHint', { months: data.staleAfterMonths })}
                </span>
              )}
              {f.detail !== null && f.detail > 0 && (
                <span className="mt-0.5 text-xs font-medium text-red-700">
                  {t('home.hr.undelivered', { count: f.detail })}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActivityList({ items }: { items: Activity[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card id="hr-activity" title={t('home.hr.activityTitle')}>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">{t('home.hr.activityEmpty')}</p>
      ) : (
        <ol className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="text-sm">
              <ActivityLine item={item} />
              <time dateTime={item.at} className="block text-xs text-slate-500">
                {format.dateTime(item.at)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** One line, as text (names and titles are never HTML). */
function ActivityLine({ item }: { item: Activity }) {
  const { t, i18n } = useTranslation();
  const name = item.actor?.displayName ?? t('home.hr.system');
  let text: string;
  if (item.kind === 'joined') {
    text = t('home.hr.joined', { name });
  } else if (item.kind === 'posted') {
    const kindKey = `home.hr.postKinds.${item.action ?? ''}`;
    const kind = i18n.exists(kindKey) ? String(t(kindKey as never)) : '';
    text = `${t('home.hr.posted', { name })}${kind ? ` (${kind})` : ''}${item.title ? `: ${item.title}` : ''}`;
  } else {
    const actionKey = `home.hr.actions.${(item.action ?? '').replace('.', '__')}`;
    const action = i18n.exists(actionKey)
      ? String(t(actionKey as never))
      : (item.action ?? '').replaceAll(/[._]/g, ' ');
    text = t('home.hr.audit', { name, action });
  }
  return item.link ? (
    <Link to={item.link} className="text-slate-800 hover:text-ai-700 hover:underline">
      {text}
    </Link>
  ) : (
    <span className="text-slate-800">{text}</span>
  );
}
