import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '#web/components/not-found-page';
import { ErrorBanner } from '#web/components/ui/banners';
import { PageSpinner } from '#web/components/ui/spinner';
import { isApiError } from '#web/lib/api';
import { useEventFormat } from '#web/lib/event-format';
import { useDocumentTitle } from '#web/lib/use-document-title';
import { EventCard } from './event-card';
import { useSeries } from './use-events';

/** `/events/series/:id`: a series (未来塾) and its events. */
export function SeriesPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const f = useEventFormat();
  const query = useSeries(id);
  const title = query.data ? f.text(query.data.titleJa, query.data.titleEn) : null;
  useDocumentTitle(title);
  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))
      return <NotFoundPage />;
    return (
      <div className="mx-auto max-w-4xl px-4 py-8">
        <ErrorBanner message={query.error.message} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  const series = query.data;
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:py-8">
      <p>
        <Link to="/events" className="text-sm text-ai-700 underline-offset-2 hover:underline">
          ← {t('events.detail.back')}
        </Link>
      </p>
      <header>
        <p className="text-sm text-slate-500">{t('events.series.title')}</p>
        <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
        {f.text(series.descriptionJa, series.descriptionEn) && (
          <p className="mt-2 whitespace-pre-line text-sm text-slate-700">
            {f.text(series.descriptionJa, series.descriptionEn)}
          </p>
        )}
      </header>
      <section aria-labelledby="series-events">
        <h2 id="series-events" className="mb-3 text-lg font-semibold text-slate-900">
          {t('events.series.events')}
        </h2>
        {series.events.length === 0 ? (
          <p className="text-sm text-slate-600">{t('events.empty')}</p>
        ) : (
          <ul className="space-y-3">
            {series.events.map((event) => (
              <EventCard key={event.id} event={event} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
