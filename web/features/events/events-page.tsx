import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EVENT_KINDS, EVENT_PLACE_FILTERS } from '#common/events';
import { ErrorBanner } from '#web/components/ui/banners';
import { Button, buttonClasses } from '#web/components/ui/button';
import { Select } from '#web/components/ui/select';
import { PageSpinner } from '#web/components/ui/spinner';
import { TextField } from '#web/components/ui/text-field';
import { isHrRole, useCurrentMe } from '#web/features/auth/use-me';
import { useGroups } from '#web/features/groups/use-groups';
import { useEventFormat } from '#web/lib/event-format';
import { toQueryString } from '#web/lib/query-string';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { EventCard } from './event-card';
import { useEventPages } from './use-events';

const FILTERS = ['kind', 'place', 'language', 'month', 'groupId'] as const;

/** `/events`: the calendar of upcoming events with filters, and a tab of past events. */
export function EventsPage() {
  const { t } = useTranslation();
  const f = useEventFormat();
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('events.title'));
  const when = params.get('when') === 'past' ? 'past' : 'upcoming';
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
  const qs = toQueryString({ when, ...filters });
  const pages = useEventPages(qs);
  const groups = useGroups({ mine: true });

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-slate-900">{t('events.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('events.lead')}</p>
        </div>
        {isHrRole(me.role) && (
          <Link to="/events/new" className={buttonClasses('primary', 'sm')}>
            {t('events.newEvent')}
          </Link>
        )}
      </header>

      <div role="tablist" aria-label={t('events.title')} className="flex gap-2 border-b border-slate-200">
        {(['upcoming', 'past'] as const).map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={when === tab}
            className={`min-h-11 border-b-2 px-3 text-sm font-medium ${when === tab ? 'border-ai-700 text-ai-800' : 'border-transparent text-slate-600'}`}
            onClick={() => setParam('when', tab === 'past' ? 'past' : null)}
          >
            {t(`events.tabs.${tab}`)}
          </button>
        ))}
      </div>

      <form
        aria-label={t('events.filters.label')}
        className="grid grid-cols-2 gap-3 sm:grid-cols-5"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          label={t('events.filters.kind')}
          value={filters.kind ?? ''}
          emptyOption={t('events.filters.any')}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
          onChange={(e) => setParam('kind', e.target.value || null)}
        />
        <Select
          label={t('events.filters.place')}
          value={filters.place ?? ''}
          emptyOption={t('events.filters.any')}
          options={EVENT_PLACE_FILTERS.map((p) => ({ value: p, label: t(`events.places.${p}`) }))}
          onChange={(e) => setParam('place', e.target.value || null)}
        />
        <Select
          label={t('events.filters.language')}
          value={filters.language ?? ''}
          emptyOption={t('events.filters.any')}
          options={(['ja', 'en'] as const).map((l) => ({ value: l, label: t(`events.languages.${l}`) }))}
          onChange={(e) => setParam('language', e.target.value || null)}
        />
        <TextField
          label={t('events.filters.month')}
          type="month"
          value={filters.month ?? ''}
          onChange={(e) => setParam('month', e.target.value || null)}
        />
        <Select
          label={t('events.filters.group')}
          value={filters.groupId ?? ''}
          emptyOption={t('events.filters.any')}
          options={(groups.data?.items ?? []).map((g) => ({
            value: g.id,
            label: f.text(g.nameJa, g.nameEn),
          }))}
          onChange={(e) => setParam('groupId', e.target.value || null)}
        />
      </form>

      {pages.isPending ? (
        <PageSpinner />
      ) : pages.isError ? (
        <ErrorBanner message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : items.length === 0 ? (
        <p className="rounded-xl bg-slate-50 p-6 text-center text-sm text-slate-600">
          {when === 'past' ? t('events.emptyPast') : t('events.empty')}
        </p>
      ) : (
        <ul className="space-y-3">
          {items.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ul>
      )}
      {pages.hasNextPage && (
        <div className="text-center">
          <Button
            variant="secondary"
            isBusy={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {t('events.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
