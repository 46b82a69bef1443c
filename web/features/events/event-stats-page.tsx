import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { EventStats } from '#common/event-attendance';
import { ErrorBanner } from '#web/components/ui/banners';
import { Card } from '#web/components/ui/card';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { useEventFormat } from '#web/lib/event-format';
import { useFormat } from '#web/lib/format';
import { toQueryString } from '#web/lib/query-string';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { useEventStats } from './use-events';

type Counts = EventStats['series'][number];

/**
 * `/admin/events/stats` (HR, issue 13 §5–§6): per event and per series, how many registered, had a
 * seat, attended, did not come, and waited in line. The figures are the API's; this page only lays
 * them out (a series adds up its events that were held).
 */
export function EventStatsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.stats.title'));
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const stats = useEventStats(toQueryString({ from: from || undefined, to: to || undefined }));
  const setParam = (key: 'from' | 'to', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:py-8">
      <header>
        <h1 className="text-2xl font-bold text-slate-900">{t('events.stats.title')}</h1>
        <p className="mt-1 text-sm text-slate-600">{t('events.stats.lead')}</p>
      </header>
      <form
        aria-label={t('events.stats.filters')}
        className="grid max-w-md grid-cols-2 gap-3"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label={t('events.stats.from')}
          type="date"
          value={from}
          onChange={(e) => setParam('from', e.target.value)}
        />
        <TextField
          label={t('events.stats.to')}
          type="date"
          value={to}
          onChange={(e) => setParam('to', e.target.value)}
        />
      </form>
      {stats.isPending ? (
        <PageSpinner />
      ) : stats.isError ? (
        <ErrorBanner message={stats.error.message} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Card id="stats-series" title={t('events.stats.perSeries')}>
            {stats.data.series.length === 0 ? (
              <p className="text-sm text-slate-600">{t('events.stats.noSeries')}</p>
            ) : (
              <StatsTable
                testId="stats-series-table"
                first={t('events.stats.series')}
                extra={t('events.stats.events')}
                rows={stats.data.series.map((s) => ({
                  key: s.id,
                  link: `/events/series/${s.id}`,
                  title: s.title,
                  extra: String(s.events),
                  counts: s,
                }))}
              />
            )}
          </Card>
          <Card id="stats-events" title={t('events.stats.perEvent')}>
            {stats.data.events.length === 0 ? (
              <p className="text-sm text-slate-600">{t('events.stats.noEvents')}</p>
            ) : (
              <EventRows events={stats.data.events} />
            )}
          </Card>
        </>
      )}
    </div>
  );
}

function EventRows({ events }: { events: EventStats['events'] }) {
  const { t } = useTranslation();
  const f = useEventFormat();
  return (
    <StatsTable
      testId="stats-events-table"
      first={t('events.stats.event')}
      extra={t('events.stats.date')}
      rows={events.map((e) => ({
        key: e.id,
        link: `/events/${e.id}`,
        title: e.status === 'cancelled' ? `${e.title} (${t('events.statuses.cancelled')})` : e.title,
        extra: f.dateTime(e.startsAt, e.timeZone),
        counts: e,
      }))}
    />
  );
}

function StatsTable({
  first,
  extra,
  rows,
  testId,
}: {
  first: string;
  extra: string;
  rows: {
    key: string;
    link: string;
    title: string;
    extra: string;
    counts: Omit<Counts, 'id' | 'title' | 'events'>;
  }[];
  testId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = (rate: number | null) =>
    rate === null ? '—' : `${format.number(Math.round(rate * 1000) / 10)}%`;
  const th = 'py-2 pr-4 font-medium';
  const num = 'py-2 pr-4 text-right tabular-nums';
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th className={th}>{first}</th>
            <th className={th}>{extra}</th>
            <th className={`${th} text-right`}>{t('events.stats.registrations')}</th>
            <th className={`${th} text-right`}>{t('events.stats.confirmed')}</th>
            <th className={`${th} text-right`}>{t('events.stats.attended')}</th>
            <th className={`${th} text-right`}>{t('events.stats.noShowRate')}</th>
            <th className={`${th} text-right`}>{t('events.stats.waitlisted')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="py-2 pr-4">
                <Link to={r.link} className="font-medium text-ai-700 hover:underline">
                  {r.title}
                </Link>
              </td>
              <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{r.extra}</td>
              <td className={num}>{format.number(r.counts.registrations)}</td>
              <td className={num}>{format.number(r.counts.confirmed)}</td>
              <td className={num}>{format.number(r.counts.checkedIn)}</td>
              <td className={num}>{percent(r.counts.noShowRate)}</td>
              <td className={num}>{format.number(r.counts.waitlisted)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
