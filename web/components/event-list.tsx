import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventCard } from '#common/events';
import { Badge } from '#web/components/ui/badge';
import { useEventFormat } from '#web/lib/event-format';

/**
 * A short list of events where a page shows a few beside its own content (home, the feed, a group's
 * page; decision 044): the title linking to the event, its time in the event's zone, and badges
 * (new, the viewer's registration, online). The calendar's full card is web/features/events.
 */
export function CompactEventList({
  events,
  testId,
}: {
  events: readonly (EventCard & { isNew?: boolean })[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const f = useEventFormat();
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {events.map((event) => (
        <li key={event.id} className="py-2.5 first:pt-0 last:pb-0" data-testid="compact-event">
          <Link
            to={`/events/${event.id}`}
            className="font-medium break-words text-slate-900 underline-offset-2 hover:text-ai-700 hover:underline"
          >
            {f.title(event)}
          </Link>
          <p className="mt-0.5 text-sm text-slate-600">
            <time dateTime={event.startsAt}>{f.range(event)}</time>
          </p>
          <p className="mt-1 flex flex-wrap gap-1.5">
            {event.isNew && <Badge tone="shu">{t('eventList.new')}</Badge>}
            {event.myStatus && <Badge tone="green">{t(`events.myStatus.${event.myStatus}`)}</Badge>}
            <Badge>{t(`events.formats.${event.format}`)}</Badge>
          </p>
        </li>
      ))}
    </ul>
  );
}
