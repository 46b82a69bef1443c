import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CompactEventList } from '#web/components/event-list';
import { Card } from '#web/components/ui/card';
import { Spinner } from '#web/components/ui/spinner';
import { useHomeEvents } from './use-home';

/**
 * "Upcoming events for you" at the top of the feed (home and /feed; decision 044): the member's
 * own next event, then the next few they may see, with a way to the calendar.
 */
export function UpcomingEventsForYou() {
  const { t } = useTranslation();
  const events = useHomeEvents(3);
  const mine = events.data?.myNext ?? null;
  const others = (events.data?.upcoming ?? []).filter((e) => e.id !== mine?.id);
  return (
    <Card
      id="home-events"
      title={t('home.events.title')}
      actions={
        <Link to="/events" className="text-sm font-medium text-ai-700 hover:underline">
          {t('home.events.all')}
        </Link>
      }
    >
      {events.isError ? (
        <p className="text-sm text-red-700">{t('home.events.error')}</p>
      ) : !events.data ? (
        <Spinner />
      ) : (
        <div className="space-y-4">
          {mine && (
            <div className="rounded-xl bg-ai-50 p-3" data-testid="my-next-event">
              <h3 className="mb-2 text-sm font-semibold text-ai-800">{t('home.events.mine')}</h3>
              <CompactEventList events={[mine]} />
            </div>
          )}
          {others.length > 0 ? (
            <CompactEventList events={others} testId="home-upcoming-events" />
          ) : (
            !mine && <p className="text-sm text-slate-600">{t('home.events.none')}</p>
          )}
        </div>
      )}
    </Card>
  );
}
