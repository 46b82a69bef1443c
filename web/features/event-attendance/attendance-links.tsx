import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Event } from '#common/events';
import { buttonClasses } from '#web/components/ui/button';
import { calendarFileUrl } from './use-attendance';

/**
 * The event page's way to the attendance side: the calendar file for anyone who sees a published
 * event, the ticket (before) or the survey (after) for a confirmed attendee, and the door list,
 * survey results and materials for its hosts and HR. Each page checks access again on the server.
 */
export function AttendanceLinks({ event }: { event: Event }) {
  const { t } = useTranslation();
  const confirmed = event.myRegistration?.status === 'confirmed';
  const past = event.registrationState === 'past';
  const link = (to: string, label: string) => (
    <Link to={to} className={buttonClasses('secondary', 'sm')}>
      {label}
    </Link>
  );
  if (event.status === 'draft' && !event.canManage) return null;
  return (
    <nav aria-label={t('eventAttendance.links.label')} className="flex flex-wrap gap-2">
      {event.status !== 'draft' && (
        <a href={calendarFileUrl(event.id)} className={buttonClasses('secondary', 'sm')} download>
          {t('eventAttendance.links.calendar')}
        </a>
      )}
      {confirmed && !past && link(`/events/${event.id}/ticket`, t('eventAttendance.links.ticket'))}
      {confirmed && past && link(`/events/${event.id}/survey`, t('eventAttendance.links.survey'))}
      {event.canManage && (
        <>
          {link(`/events/${event.id}/check-in`, t('eventAttendance.links.checkIn'))}
          {link(`/events/${event.id}/results`, t('eventAttendance.links.results'))}
          {link(`/events/${event.id}/materials`, t('eventAttendance.links.materials'))}
        </>
      )}
    </nav>
  );
}
