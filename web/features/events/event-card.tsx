import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventCard as EventCardData } from '#common/events';
import { Badge } from '#web/components/ui/badge';
import { useEventFormat } from '#web/lib/event-format';

/** One line of the calendar: title, time in the event's zone, format, seats, the viewer's status. */
export function EventCard({ event }: { event: EventCardData }) {
  const { t } = useTranslation();
  const f = useEventFormat();
  const title = f.title(event);
  return (
    <li className="rounded-2xl border border-slate-200 bg-white p-4 shadow-xs" data-testid="event-card">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Badge tone={event.kind === 'lecture' ? 'ai' : 'shu'}>{t(`events.kinds.${event.kind}`)}</Badge>
        <Badge>{t(`events.formats.${event.format}`)}</Badge>
        {event.status !== 'published' && <Badge tone="amber">{t(`events.statuses.${event.status}`)}</Badge>}
        {event.myStatus && <Badge tone="green">{t(`events.myStatus.${event.myStatus}`)}</Badge>}
      </div>
      <h2 className="mt-2 text-lg font-semibold text-slate-900">
        <Link to={`/events/${event.id}`} className="hover:underline">
          {title}
        </Link>
      </h2>
      {event.series && event.series.number !== null && (
        <p className="text-sm text-slate-600">
          <Link to={`/events/series/${event.series.id}`} className="text-ai-700 hover:underline">
            {t('events.seriesNumber', {
              series: f.text(event.series.titleJa, event.series.titleEn),
              number: event.series.number,
            })}
          </Link>
        </p>
      )}
      <p className="mt-1 text-sm text-slate-700">
        <time dateTime={event.startsAt}>{f.range(event)}</time>
      </p>
      <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600">
        {event.venueName && <span>{event.venueName}</span>}
        {event.group && <span>{f.text(event.group.nameJa, event.group.nameEn)}</span>}
        {event.status === 'published' && (
          <span>
            {event.seatsLeft > 0 ? t('events.seatsLeft', { count: event.seatsLeft }) : t('events.full')}
          </span>
        )}
        {event.hasMaterials && (
          <Link to={`/events/${event.id}#materials`} className="text-ai-700 hover:underline">
            {t('events.materials')}
          </Link>
        )}
      </p>
    </li>
  );
}
